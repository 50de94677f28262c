import { commandConfig, ConfigError, eventServiceConfig, gatewayConfig, loadConfig, platformConfig } from './index';

const base = {
  DATABASE_URL: 'postgres://u@localhost:5432/db',
  KAFKA_BROKERS: '127.0.0.1:9092',
  LEADERSCOPE_SECRET: 'a-secret-of-16-chars+',
};

function problems(schema: Parameters<typeof loadConfig>[0], env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('reads a good environment with its defaults and types', () => {
    expect(loadConfig(gatewayConfig, { ...base, PORT: '8080', GRAPHQL_INTROSPECTION: 'false' })).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      GRAPHQL_INTROSPECTION: false,
      KAFKA_PARTITIONS: 6,
      LOG_LEVEL: 'info',
    });
  });

  it('names every wrong or missing variable and why', () => {
    expect(problems(gatewayConfig, { ...base, PORT: 'abc', LEADERSCOPE_SECRET: undefined })).toEqual([
      'PORT="abc": must be a whole number',
      'LEADERSCOPE_SECRET is required',
    ]);
    expect(problems(eventServiceConfig, { KAFKA_BROKERS: 'a b', DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL="mysql://x": must be a postgres:// URL',
      'KAFKA_BROKERS="a b": must be host:port[,host:port…]',
    ]);
    expect(problems(platformConfig, { PORT: '70000', LEADERSCOPE_DEMO: 'maybe', LOG_LEVEL: 'loud' })).toHaveLength(3);
    // One-off commands: the database is required, brokers optional but checked when given.
    expect(problems(commandConfig, {})).toEqual(['DATABASE_URL is required']);
    expect(problems(commandConfig, { DATABASE_URL: base.DATABASE_URL, KAFKA_BROKERS: 'a b' })).toEqual([
      'KAFKA_BROKERS="a b": must be host:port[,host:port…]',
    ]);
    expect(loadConfig(commandConfig, { DATABASE_URL: base.DATABASE_URL })).toEqual({
      DATABASE_URL: base.DATABASE_URL,
      KAFKA_PARTITIONS: 6,
    });
  });

  it('counts a blank variable as unset', () => {
    const config = loadConfig(platformConfig, { PORT: '', DATABASE_URL: ' ' });
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('takes the Kafka compression codec by name and names the accepted ones when wrong', () => {
    expect(loadConfig(eventServiceConfig, { ...base, KAFKA_COMPRESSION: 'none' }).KAFKA_COMPRESSION).toBe('none');
    expect(loadConfig(gatewayConfig, base).KAFKA_COMPRESSION).toBeUndefined(); // the transport's default: zstd
    expect(problems(eventServiceConfig, { ...base, KAFKA_COMPRESSION: 'lz4' })).toEqual([
      'KAFKA_COMPRESSION="lz4": must be one of zstd, gzip, none',
    ]);
  });

  it("accepts Nest's level names", () => {
    expect(loadConfig(eventServiceConfig, { ...base, LOG_LEVEL: 'verbose' }).LOG_LEVEL).toBe('trace');
  });
});
