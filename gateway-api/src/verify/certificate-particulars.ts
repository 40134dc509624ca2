// The public structured particulars a certificate's content carries (chaincode
// property-particulars.ts): the property's location, area and usage (FIRST, CHANGE) and the mortgage
// term (MORTGAGE), flat in `content.details`. The citizen's check shows them beside the content hash
// that covers them, so what the printed certificate says about the property can be compared. A
// certificate issued before structured particulars, or by an act without them, has none: absent, not
// empty.

type Details = Readonly<Record<string, string>>;

export interface PropertyParticularsAnswer {
  readonly location: string;
  readonly areaM2: string;
  readonly usage: string;
}

export interface MortgageTermAnswer {
  readonly from: string;
  readonly to: string;
}

export interface CertificateParticularsAnswer {
  readonly property?: PropertyParticularsAnswer;
  readonly mortgageTerm?: MortgageTermAnswer;
}

/** `details` is optional only for a stored record that lacks it: parseStoredCertificate does not require it. */
export function certificateParticulars(details: Details | undefined): CertificateParticularsAnswer {
  if (details === undefined) return {};
  const { propertyLocation, propertyAreaM2, propertyUsage, mortgageTermFrom, mortgageTermTo } = details;
  return {
    ...(propertyLocation !== undefined &&
      propertyAreaM2 !== undefined &&
      propertyUsage !== undefined && {
        property: { location: propertyLocation, areaM2: propertyAreaM2, usage: propertyUsage },
      }),
    ...(mortgageTermFrom !== undefined &&
      mortgageTermTo !== undefined && { mortgageTerm: { from: mortgageTermFrom, to: mortgageTermTo } }),
  };
}
