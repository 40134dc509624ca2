// Who acted, as a person is named in the lists: the common name (CN) of the subject of the Fabric
// client id the chaincode records (`x509::<subject DN>::<issuer DN>`, as fabric-shim's
// ClientIdentity.getID writes it: `/C=CN/O=…/OU=client/CN=registry-clerk`, a `/` inside a value
// written `\/`). Fabric CA puts the enrolment ID there, which is the gateway's user name
// (scripts/src/identity/ca-client.ts registers `--id.name <user>`), so `?clerk=registry-clerk` finds
// that user's acts whatever CA issued the certificate and however often it was renewed.

/** The longest common name X.509 allows (ub-common-name), and so the column's width. */
export const MAX_COMMON_NAME_LENGTH = 64;

const PREFIX = 'x509::';

/** The subject's CN of a Fabric client id, or null when it has none (or one longer than X.509 allows). */
export function subjectCommonName(fabricId: string): string | null {
  if (!fabricId.startsWith(PREFIX)) return null;
  const rest = fabricId.slice(PREFIX.length);
  const end = rest.indexOf('::');
  const subject = end === -1 ? rest : rest.slice(0, end);
  const attributes = subject.split(/(?<!\\)\//).filter((part) => part !== '');
  const commonName = attributes
    .reverse()
    .find((part) => part.startsWith('CN='))
    ?.slice('CN='.length)
    .replace(/\\\//g, '/');
  return commonName === undefined || commonName === '' || commonName.length > MAX_COMMON_NAME_LENGTH
    ? null
    : commonName;
}
