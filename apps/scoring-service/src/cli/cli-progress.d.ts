// The small part of cli-progress (which ships no types) the rescore CLI uses.
declare module 'cli-progress' {
  export interface Options {
    format?: string;
    noTTYOutput?: boolean;
    notTTYSchedule?: number;
    hideCursor?: boolean;
    stream?: NodeJS.WritableStream;
  }
  export class SingleBar {
    constructor(options: Options, preset?: unknown);
    start(total: number, start: number, payload?: Record<string, unknown>): void;
    update(value: number, payload?: Record<string, unknown>): void;
    increment(step?: number, payload?: Record<string, unknown>): void;
    stop(): void;
  }
  export const Presets: { shades_classic: unknown; legacy: unknown; rect: unknown };
}
