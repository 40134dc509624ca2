// Reads from another department's chaincode definition within the same transaction
// (ctx.stub.invokeChaincode on the same channel). The peer runs the callee in this transaction's
// simulation: what it reads joins the read set under its own namespace and is MVCC-checked at commit,
// so a precondition read this way is as fresh as one read from our own namespace. Only reads go
// through here: a write by the callee would need the callee's owner to endorse, which our
// single-owner submits never ask for.
//
// The callee answers { status, message, payload } (fabric-shim's ChaincodeResponse). A ChaincodeError
// it threw arrives as status 500 with the error's JSON wire message, and is rethrown here as the same
// class with the same code, message and details, so the caller's answer reads as if it had read the
// record itself. What the peer itself refuses (the callee is not installed on this peer, or is already
// on the call stack: Fabric runs one context per chaincode and transaction, so A → B → A fails) and
// a callee failure that is no ChaincodeError (a bug) are plain Errors naming the call: a 500.

import { type Context } from 'fabric-contract-api';
import { type ChaincodeName, ContractHome } from './definitions';
import { chaincodeErrorFromPayload, NotFoundError, parseChaincodeErrorMessage } from './errors';
import { type Parser } from './ledger';

/** A contract served by exactly one definition: every contract but `proof`. */
export type HomedContract = keyof typeof ContractHome;

/** One transaction of another definition's contract, with its string arguments. */
export interface ContractCall {
  readonly contract: HomedContract;
  readonly fn: string;
  readonly args: readonly string[];
}

// The peer treats a response status of 400 or more as an error (shim.ERRORTHRESHOLD).
const ERROR_THRESHOLD = 400;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The definition that serves the call's contract: where the call is sent. */
export function chaincodeOf(call: ContractCall): ChaincodeName {
  return ContractHome[call.contract];
}

/** Runs the call in the contract's definition; its answer (our contracts answer JSON text). */
export async function callContract(ctx: Context, call: ContractCall): Promise<string> {
  const chaincode = chaincodeOf(call);
  const what = `${chaincode} ${call.contract}:${call.fn}`;
  let response: Awaited<ReturnType<Context['stub']['invokeChaincode']>>;
  try {
    response = await ctx.stub.invokeChaincode(chaincode, [`${call.contract}:${call.fn}`, ...call.args], '');
  } catch (error) {
    throw new Error(
      `the call ${what} was refused: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  if (response.status >= ERROR_THRESHOLD) {
    const message = response.message ?? '';
    const payload = parseChaincodeErrorMessage(message);
    if (payload !== undefined) throw chaincodeErrorFromPayload(payload);
    throw new Error(`the call ${what} failed with status ${response.status}: ${message}`);
  }
  try {
    return decoder.decode(response.payload ?? new Uint8Array(0));
  } catch (error) {
    throw new Error(`the call ${what} answered bytes that are not UTF-8`, { cause: error });
  }
}

/** Runs the call and parses its JSON answer; the callee's errors are rethrown as described above. */
export async function readFromContract<T>(ctx: Context, call: ContractCall, parse: Parser<T>): Promise<T> {
  const text = await callContract(ctx, call);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Our contracts answer canonical JSON: anything else is a bug, not bad input.
    throw new Error(`the call ${chaincodeOf(call)} ${call.contract}:${call.fn} did not answer JSON`, {
      cause: error,
    });
  }
  return parse(raw);
}

/** Like readFromContract, but the callee's NOT_FOUND is undefined: no such record in its namespace. */
export async function findInContract<T>(
  ctx: Context,
  call: ContractCall,
  parse: Parser<T>,
): Promise<T | undefined> {
  try {
    return await readFromContract(ctx, call, parse);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
