import { SCHEMA_VERSIONS } from './generated/events.js';
import type { EventContextMap, EventDataMap, EventType } from './generated/events.js';

export * from './generated/events.js';

/** The envelope fields of an event type the caller gives: an argument, required when the type requires any. */
export type ContextArgs<T extends EventType> = object extends EventContextMap[T]
  ? [context?: EventContextMap[T]]
  : [context: EventContextMap[T]];

/** What a tracker needs; everything but `endpoint` and `sessionId` has a default. */
export interface TrackerOptions {
  /** The collector's base URL, e.g. `https://collect.newsmell.example`. */
  endpoint: string;
  /**
   * The source's write key (the collector's POST /v1/write-keys): sent as the Basic-auth user name, and by a beacon,
   * which cannot send headers, as `?writeKey=`. The collector refuses events without a live key (401).
   */
  writeKey?: string;
  /** The current session's id (the collector keys events by it). */
  sessionId: string | (() => string);
  /** The page path of an event; default `location.pathname` in a browser. */
  path?: () => string;
  /** Events per POST: a batch is sent when it holds this many, default 20 (the collector takes up to 500). */
  batchSize?: number;
  /** A partial batch is sent this long after its first event, default 2000 ms. */
  flushIntervalMs?: number;
  /** Tries per batch on 503, 429 and network errors, default 5. */
  maxAttempts?: number;
  /** Wait when a 503 or 429 has no Retry-After, doubled per try, default 1000 ms. */
  retryDelayMs?: number;
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
  /** navigator.sendBeacon, used on page hide; default the browser's when there is one. */
  sendBeacon?: (url: string, data: Blob) => boolean;
  /** Called with what the collector refused (400: the problem's errors) or a batch given up after its tries. */
  onError?: (error: TrackError) => void;
  /** The window whose pagehide / visibilitychange flushes with sendBeacon; default the global one. */
  window?: Pick<Window, 'addEventListener'> & { document?: Pick<Document, 'visibilityState'> };
  /** Clock and ids, for tests. */
  now?: () => Date;
  uuid?: () => string;
}

/** A batch the collector refused or that could not be delivered. */
export interface TrackError {
  status: number | null;
  events: SubmittedEvent[];
  problem?: unknown;
  cause?: unknown;
}

/** An event as sent: the envelope the tracker fills, the caller's context and the eventData. */
export interface SubmittedEvent {
  eventId: string;
  sessionId: string;
  eventType: EventType;
  /** The SchemaVer the types were generated from: the version the event was written against (ADR 0040). */
  schemaVersion: string;
  timestamp: string;
  path: string;
  eventData: unknown;
  [field: string]: unknown;
}

/**
 * Batches typed events and posts them to the collector's native API (`POST /v1/events/batch`). Each event gets a
 * UUID eventId once, so a retried batch is stored once. A 503 or 429 is retried after its Retry-After (seconds), a
 * network error after a growing delay; a 400 is reported to onError and not retried. On page hide the pending events
 * are sent with navigator.sendBeacon (as text/plain, which a beacon may send cross-origin without a preflight).
 */
export class Tracker {
  private readonly options: Required<Omit<TrackerOptions, 'sendBeacon' | 'onError' | 'window' | 'path' | 'writeKey'>> &
    Pick<TrackerOptions, 'sendBeacon' | 'onError' | 'window' | 'path' | 'writeKey'>;
  private queue: SubmittedEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(options: TrackerOptions) {
    const g = globalThis as any;
    this.options = {
      batchSize: 20,
      flushIntervalMs: 2000,
      maxAttempts: 5,
      retryDelayMs: 1000,
      fetch: (...args: Parameters<typeof fetch>) => g.fetch(...args),
      now: () => new Date(),
      uuid: () => g.crypto.randomUUID(),
      sendBeacon: g.navigator?.sendBeacon ? (url: string, data: Blob) => g.navigator.sendBeacon(url, data) : undefined,
      window: g.window,
      ...options,
    };
    const w = this.options.window;
    if (w) {
      w.addEventListener('pagehide', () => this.beacon());
      w.addEventListener('visibilitychange', () => {
        if (w.document?.visibilityState === 'hidden') this.beacon();
      });
    }
  }

  /** Queues one event of `eventType`; its eventData and context are type-checked against the contract. */
  track<T extends EventType>(eventType: T, eventData: EventDataMap[T], ...context: ContextArgs<T>): SubmittedEvent {
    const o = this.options;
    const g = globalThis as any;
    const event: SubmittedEvent = {
      ...(context[0] ?? {}),
      eventId: o.uuid(),
      sessionId: typeof o.sessionId === 'function' ? o.sessionId() : o.sessionId,
      eventType,
      schemaVersion: SCHEMA_VERSIONS[eventType],
      timestamp: o.now().toISOString(),
      path: o.path ? o.path() : (g.location?.pathname ?? '/'),
      eventData: eventData ?? {},
    };
    this.queue.push(event);
    if (this.queue.length >= o.batchSize) {
      void this.flush();
    } else if (this.timer === null) {
      this.timer = setTimeout(() => void this.flush(), o.flushIntervalMs);
    }
    return event;
  }

  /** Sends what is queued now; resolves when every batch sent so far is delivered or given up. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.queue.length > 0) {
      this.dispatch(this.queue.splice(0, this.options.batchSize));
    }
    await Promise.all([...this.inFlight]);
  }

  private dispatch(batch: SubmittedEvent[]): void {
    const sending: Promise<void> = this.send(batch).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Sends the queue with sendBeacon (page hide); falls back to a fetch when there is none or it refuses. */
  beacon(): void {
    this.clearTimer();
    const beacon = this.options.sendBeacon;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.batchSize);
      const sentAt = this.options.now().toISOString();
      const body = new Blob([JSON.stringify({ events: batch.map((e) => ({ ...e, sentAt })) })], {
        type: 'text/plain',
      });
      const key = this.options.writeKey;
      if (!beacon || !beacon(key ? `${this.url()}?writeKey=${encodeURIComponent(key)}` : this.url(), body)) {
        this.dispatch(batch);
      }
    }
  }

  private async send(events: SubmittedEvent[]): Promise<void> {
    const o = this.options;
    let delay = o.retryDelayMs;
    for (let attempt = 1; ; attempt++) {
      let status: number | null = null;
      try {
        const sentAt = o.now().toISOString();
        const response = await o.fetch(this.url(), {
          method: 'POST',
          headers: this.headers(),
          body: JSON.stringify({ events: events.map((e) => ({ ...e, sentAt })) }),
          keepalive: true,
        });
        status = response.status;
        if (response.ok) return;
        if (status !== 503 && status !== 429) {
          o.onError?.({ status, events, problem: await response.json().catch(() => undefined) });
          return;
        }
        const retryAfter = Number(response.headers.get('retry-after'));
        if (attempt >= o.maxAttempts) {
          o.onError?.({ status, events });
          return;
        }
        await sleep(Number.isFinite(retryAfter) && response.headers.get('retry-after') !== null ? retryAfter * 1000 : delay);
      } catch (cause) {
        if (attempt >= o.maxAttempts) {
          o.onError?.({ status, events, cause });
          return;
        }
        await sleep(delay);
      }
      delay *= 2;
    }
  }

  private headers(): Record<string, string> {
    const key = this.options.writeKey;
    return key
      ? { 'content-type': 'application/json', authorization: `Basic ${(globalThis as any).btoa(`${key}:`)}` }
      : { 'content-type': 'application/json' };
  }

  private url(): string {
    return this.options.endpoint.replace(/\/+$/, '') + '/v1/events/batch';
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
