// Politeness per host: at most `perHost` requests at once, and at least `delayMs` between the starts
// of two requests to the same host. Hosts with nothing queued are forgotten (bounded memory).
interface HostState {
  active: number;
  waiting: (() => void)[];
  nextStartAt: number;
}

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realClock: Clock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class HostThrottle {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly perHost: number,
    private readonly delayMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = await this.acquire(host);
    try {
      return await task();
    } finally {
      this.release(host, state);
    }
  }

  private async acquire(host: string): Promise<HostState> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, waiting: [], nextStartAt: 0 };
      this.hosts.set(host, state);
    }
    if (state.active >= this.perHost) await new Promise<void>((resolve) => state.waiting.push(resolve));
    else state.active++;
    const now = this.clock.now();
    const wait = state.nextStartAt - now;
    state.nextStartAt = Math.max(now, state.nextStartAt) + this.delayMs;
    if (wait > 0) await this.clock.sleep(wait);
    return state;
  }

  private release(host: string, state: HostState): void {
    const next = state.waiting.shift();
    if (next) next();
    else {
      state.active--;
      if (state.active === 0 && state.nextStartAt <= this.clock.now()) this.hosts.delete(host);
    }
  }
}
