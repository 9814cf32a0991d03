import { Redis } from "ioredis";

/** One command sent alone, or every command of one pipeline (MULTI/EXEC included), with the keys they name. */
export interface RecordedRedisCall {
  commands: string[];
  keys: string[];
}

export interface RedisCommandRecorder {
  readonly calls: RecordedRedisCall[];
  stop(): void;
}

type SendCommand = (command: { name: string; getKeys(): (string | Buffer)[] }, stream?: unknown) => unknown;

/**
 * Records what every ioredis client in this process sends (their duplicates too) until `stop()`. ioredis
 * passes each command of a pipeline or transaction with one shared stream object, so commands are
 * grouped by it: those are the groups that Redis Cluster (or ioredis's Cluster client) needs in one slot.
 */
export function recordRedisCommands(): RedisCommandRecorder {
  const original = Redis.prototype.sendCommand as unknown as SendCommand;
  const calls: RecordedRedisCall[] = [];
  const pipelines = new WeakMap<object, RecordedRedisCall>();
  const recording: SendCommand = function (this: Redis, command, stream, ...rest) {
    const keys = command.getKeys().map(String);
    const pipeline = (stream as { isPipeline?: boolean } | undefined)?.isPipeline
      ? (stream as object)
      : undefined;
    let call = pipeline && pipelines.get(pipeline);
    if (!call) {
      call = { commands: [], keys: [] };
      calls.push(call);
      if (pipeline) pipelines.set(pipeline, call);
    }
    call.commands.push(command.name);
    call.keys.push(...keys);
    return original.call(this, command, stream, ...rest);
  };
  Redis.prototype.sendCommand = recording as unknown as typeof Redis.prototype.sendCommand;
  return {
    calls,
    stop() {
      Redis.prototype.sendCommand = original as unknown as typeof Redis.prototype.sendCommand;
    },
  };
}
