import { defaultLogFormat, startupLogFormat, useColour } from './log-format';

describe('defaultLogFormat', () => {
  it('is pretty on a terminal and JSON anywhere else', () => {
    expect(defaultLogFormat(true)).toBe('pretty');
    expect(defaultLogFormat(false)).toBe('json');
  });
});

describe('startupLogFormat', () => {
  it('follows LOG_FORMAT when it names a format, whatever stdout is', () => {
    expect(startupLogFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(startupLogFormat({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
  });

  it('falls back to the default for a missing or invalid value (validation reports the latter)', () => {
    expect(startupLogFormat({}, true)).toBe('pretty');
    expect(startupLogFormat({ LOG_FORMAT: 'yaml' }, false)).toBe('json');
    expect(startupLogFormat({ LOG_FORMAT: 'PRETTY' }, false)).toBe('json');
  });
});

describe('useColour', () => {
  it('colours a terminal unless NO_COLOR has a value', () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(true, { NO_COLOR: '' })).toBe(true);
    expect(useColour(true, { NO_COLOR: '1' })).toBe(false);
  });

  it('never colours what is not a terminal', () => {
    expect(useColour(false, {})).toBe(false);
  });
});
