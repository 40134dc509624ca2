import {
  configOfBlock,
  configUpdateEnvelope,
  HEADER_TYPE_CONFIG_UPDATE,
  numberOfBlock,
  orgMspConfig,
} from './channel-config-json';

// Shaped like `configtxlator proto_decode --type common.Block` of a config block.
const block = {
  header: { number: '12', previous_hash: 'cHJldg==', data_hash: 'ZGF0YQ==' },
  data: {
    data: [
      {
        payload: {
          header: { channel_header: { channel_id: 'govtrace', type: 1 } },
          data: {
            config: {
              sequence: '5',
              channel_group: {
                groups: {
                  Application: {
                    groups: {
                      TaxMSP: { values: { MSP: { value: { config: { name: 'TaxMSP' }, type: 0 } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
};

describe('configtxlator JSON: config blocks, MSP definitions, update envelopes', () => {
  it('finds the config, its block number and an org MSP in a decoded config block', () => {
    const config = configOfBlock(block);
    expect(config['sequence']).toBe('5');
    expect(numberOfBlock(block)).toBe(12);
    expect(orgMspConfig(config, 'TaxMSP')).toEqual({ name: 'TaxMSP' });
  });

  it('names the first missing step of a path, and refuses a block without a number', () => {
    expect(() => configOfBlock({ data: { data: [] } })).toThrow('decoded config: nothing at data.data.0');
    expect(() => configOfBlock({ data: [] })).toThrow('decoded config: nothing at data.data');
    expect(() => orgMspConfig(configOfBlock(block), 'UrbanMSP')).toThrow(/groups\.UrbanMSP$/);
    expect(() => numberOfBlock({ header: {} })).toThrow(/header\.number/);
    expect(() => numberOfBlock({ header: { number: '-1' } })).toThrow(/header\.number/);
  });

  it('wraps a ConfigUpdate in a CONFIG_UPDATE (2) envelope for the channel', () => {
    const update = { channel_id: 'govtrace', read_set: {}, write_set: {} };
    expect(HEADER_TYPE_CONFIG_UPDATE).toBe(2);
    expect(configUpdateEnvelope('govtrace', update)).toEqual({
      payload: {
        header: { channel_header: { channel_id: 'govtrace', type: 2 } },
        data: { config_update: update },
      },
    });
  });
});
