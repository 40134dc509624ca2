import { type AnswerShape, Answers, ProductionDefinitions } from '../../chaincode/src/contract';
import { useTwoDepartments } from '../support/fabric-client';

// The running chaincode servers describe their API: every production definition answers Fabric's
// GetMetadata on a peer, and each transaction with a declared answer names its shape's schema there,
// which the metadata's components define. (A client can thus learn the answers from the network.)

interface Metadata {
  readonly contracts: Record<string, { transactions: { name: string; returns?: unknown }[] }>;
  readonly components: { schemas: Record<string, unknown> };
}

describe('contract metadata on the real network', () => {
  const departments = useTwoDepartments();

  it.each(ProductionDefinitions.map((definition) => [definition.name]))(
    'definition %s answers GetMetadata naming each declared answer schema',
    async (definition) => {
      const network = departments().registry.gateway.getNetwork(departments().channel);
      const bytes = await network
        .getContract(definition)
        .evaluateTransaction('org.hyperledger.fabric:GetMetadata');
      const metadata = JSON.parse(Buffer.from(bytes).toString('utf8')) as Metadata;
      let declared = 0;
      for (const [contract, answers] of Object.entries(Answers)) {
        const served = metadata.contracts[contract];
        if (served === undefined) continue;
        for (const [transaction, shape] of Object.entries(answers as Record<string, AnswerShape>)) {
          const returns = served.transactions.find((entry) => entry.name === transaction)?.returns;
          expect([contract, transaction, returns]).toEqual([
            contract,
            transaction,
            { $ref: `#/components/schemas/${shape.name}` },
          ]);
          expect(metadata.components.schemas).toHaveProperty(shape.name);
          declared += 1;
        }
      }
      expect(declared).toBeGreaterThan(0);
    },
  );
});
