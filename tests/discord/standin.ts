/**
 * A small, local stand-in for the Discord API (REST + gateway) for tests.
 *
 * It is written against what discord.js 14.28 / @discordjs/rest 2.6 / @discordjs/ws 1.2
 * actually send and expect, so a real `Client` can log in through it, receive
 * interactions and answer them. Everything the bot sends is recorded so tests
 * can assert on payloads.
 *
 *   const standin = await startStandin();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiBase } });
 *   await client.login('test-token');
 *   const sent = standin.sendChatInput({ name: 'ask', options: [{ name: 'q', type: 3, value: 'hi' }] });
 *   const callback = await sent.waitForCallback();
 *
 * Always `await client.destroy()` BEFORE `await standin.close()`: a client whose
 * gateway socket is cut keeps trying to reconnect.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type {
  APIApplicationCommandInteractionDataOption,
  APIInteractionGuildMember,
  APIMessage,
  APIRole,
  APIGuildTextChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  GuildTextChannelType,
  UserFlags,
  MessageFlags,
  RoleFlags,
  ChannelFlags,
  GuildMemberFlags,
} from 'discord.js';

// ---------------------------------------------------------------------------
// Snowflakes
// ---------------------------------------------------------------------------

const DISCORD_EPOCH = 1420070400000n;
let lastSnowflakeMs = 0n;
let snowflakeIncrement = 0n;

/** A real-shaped Discord snowflake (timestamp-based, 19 digits today), unique within the process. */
export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  if (ms <= lastSnowflakeMs) {
    ms = lastSnowflakeMs;
    snowflakeIncrement += 1n;
    if (snowflakeIncrement > 4095n) {
      ms += 1n;
      snowflakeIncrement = 0n;
    }
  } else {
    snowflakeIncrement = 0n;
  }
  lastSnowflakeMs = ms;
  const worker = 1n;
  const proc = BigInt(process.pid & 31);
  return ((ms << 22n) | (worker << 17n) | (proc << 12n) | snowflakeIncrement).toString();
}

let pastIncrement = 0n;
/**
 * A snowflake for exactly the time `at` (in the past, say: an interaction that arrives late), unlike
 * `snowflake()`, which never goes back in time. Unique within the process via its low bits.
 */
export function snowflakeAt(at: number): string {
  pastIncrement = (pastIncrement + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (2n << 17n) | (BigInt(process.pid & 31) << 12n) | pastIncrement).toString();
}

/** An interaction token shaped like the real ones (base64url-ish, ~ 200 chars). */
function interactionToken(id: string): string {
  return `${Buffer.from(`interaction:${id}:`).toString('base64url')}${randomBytes(96).toString('base64url')}`;
}

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, unknown>;

export interface StandinOptions {
  /** heartbeat_interval sent in HELLO (ms). Default 41250, like Discord. */
  heartbeatIntervalMs?: number;
  /** If set, IDENTIFY/RESUME with a different token is closed with 4004, and REST calls that need auth get 401. */
  token?: string;
  guildId?: string;
  guildName?: string;
  channelId?: string;
  channelName?: string;
  botUsername?: string;
  /** Also used as the application id (as on Discord). */
  botUserId?: string;
  /** Print every REST call and gateway op to stderr. */
  verbose?: boolean;
}

export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Path after `/api/vN`, percent-decoded per segment, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Path exactly as received, including `/api/v10` and percent-encoding, without query string. */
  rawPath: string;
  /** API version from the URL (10 for discord.js 14), or null if unversioned. */
  version: number | null;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body; for multipart, the parsed `payload_json` part; null if no body. */
  body: unknown;
  rawBody: Buffer;
  /** Files of a multipart/form-data request (empty otherwise). */
  files: RecordedFile[];
  /** Status code the stand-in answered with. */
  status: number;
  responseBody: unknown;
  /** False when no route matched (the 404 fallback). */
  matched: boolean;
  /** When the request came in (its headers read), in ms since the epoch. */
  at: number;
}

export interface CallbackRecord {
  interactionId: string;
  token: string;
  /** Interaction response type (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal). */
  type: number;
  /** The full JSON body: `{ type, data }`. */
  body: JsonObject;
  /** `?with_response=` as sent (discord.js always sends it, `false` by default). */
  withResponse: boolean;
  files: RecordedFile[];
  request: RecordedRequest;
}

export interface WebhookRecord {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  applicationId: string;
  token: string;
  /** `@original`, a follow-up message id, or null for `POST /webhooks/:app/:token` (follow-up create). */
  messageId: string | null;
  body: unknown;
  files: RecordedFile[];
  request: RecordedRequest;
}

export interface CommandRegistration {
  applicationId: string;
  guildId: string | null;
  method: string;
  body: unknown;
  /** What the stand-in answered (commands with ids). */
  commands: JsonObject[];
}

export interface GatewayConnectionInfo {
  id: number;
  /** Path the client connected to (`/` for the gateway url, `/resume` for resume_gateway_url). */
  path: string;
  /** Query string params, e.g. `{ v: '10', encoding: 'json' }`. */
  query: Record<string, string>;
  openedAt: number;
  closedAt: number | null;
  closeCode: number | null;
  /** 'identify' | 'resume' once authenticated on this connection. */
  authenticatedBy: 'identify' | 'resume' | null;
}

export interface GatewayReceived {
  connectionId: number;
  op: number;
  d: unknown;
  at: number;
}

export interface IdentifyRecord {
  connectionId: number;
  token: string;
  intents: number;
  shard: unknown;
  properties: unknown;
  compress: unknown;
  presence: unknown;
  d: JsonObject;
  at: number;
}

export interface ResumeRecord {
  connectionId: number;
  sessionId: string;
  seq: number | null;
  /** false when the session was unknown (answered with op 9 INVALID_SESSION false). */
  ok: boolean;
  replayed: number;
  at: number;
}

export interface DispatchRecord {
  s: number;
  t: string;
  d: unknown;
  /** Connection it was written to, or null if buffered for replay on resume. */
  connectionId: number | null;
  at: number;
}

export type InteractionPayload = JsonObject & {
  id: string;
  token: string;
  type: number;
  application_id: string;
};

export interface SentInteraction {
  id: string;
  token: string;
  /** Gateway sequence number of the INTERACTION_CREATE dispatch. */
  seq: number;
  payload: InteractionPayload;
  /** Resolves with the first `POST /interactions/:id/:token/callback` for this interaction. */
  waitForCallback(timeoutMs?: number): Promise<CallbackRecord>;
  /** Resolves with the first webhook call (edit/follow-up/...) on this interaction's token matching `predicate`. */
  waitForWebhook(predicate?: (r: WebhookRecord) => boolean, timeoutMs?: number): Promise<WebhookRecord>;
  /** The current `@original` message, if the interaction was answered with a message. */
  original(): JsonObject | undefined;
}

export interface InteractionContextOptions {
  id?: string;
  token?: string;
  /** Overrides for the invoking user (default: `standin.testUser`). */
  user?: Partial<APIUser>;
  /** Role ids of the invoking member. */
  roles?: string[];
  /** Member permissions (stringified bitfield). */
  memberPermissions?: string;
  /** App permissions (stringified bitfield). */
  appPermissions?: string;
  locale?: string;
  guildLocale?: string;
  /** Channel id (default: the stand-in's text channel). */
  channelId?: string;
  /** Send as a DM interaction (no guild, `user` instead of `member`, DM channel, context 1). */
  dm?: boolean;
  /** Extra top-level fields merged last (shallow). */
  extra?: JsonObject;
}

export type CommandOption = APIApplicationCommandInteractionDataOption | JsonObject;

export interface ChatInputOptions extends InteractionContextOptions {
  name: string;
  options?: CommandOption[];
  /** Command id (default: the registered command's id by name, else a stable generated id). */
  commandId?: string;
  resolved?: JsonObject;
}

export interface AutocompleteOptions extends ChatInputOptions {
  /** If no option has `focused: true`, the last leaf option is marked focused. */
  options: CommandOption[];
}

export interface MessageContextMenuOptions extends InteractionContextOptions {
  name: string;
  commandId?: string;
  /** The target message (partial; filled to a full message object). */
  message?: JsonObject;
}

/** A file the stand-in serves as a Discord attachment (see `hostAttachment`). */
export interface HostedAttachmentOptions {
  filename: string;
  /** The bytes served. */
  data?: Buffer | string;
  /** Instead of `data`: serve this many bytes of filler, chunked, without a content-length (a download that only reading can size). */
  streamBytes?: number;
  /** `content_type` in the attachment object (and the response), e.g. `text/plain; charset=utf-8`. */
  contentType?: string;
  /** `size` in the attachment object (default: the real size); Discord reports it, a bot may check it before downloading. */
  declaredSize?: number;
}

/** One download of a hosted attachment: how many bytes went out before the client finished or went away. */
export interface AttachmentDownload {
  path: string;
  bytesSent: number;
  /** True when the client closed the connection before the whole file was sent. */
  aborted: boolean;
  at: number;
}

export interface ButtonOptions extends InteractionContextOptions {
  customId: string;
  /** The message holding the button (partial; filled to a full message authored by the bot). */
  message?: JsonObject;
}

export interface ModalSubmitOptions extends InteractionContextOptions {
  customId: string;
  /** Text input values by custom_id, each sent in its own action row (as Discord does for legacy modals). */
  fields: Record<string, string>;
}

/** Override hook: return a response to short-circuit routing, or undefined to continue. */
export type RestOverride = (req: RecordedRequest) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

// ---------------------------------------------------------------------------
// Waitable append-only log
// ---------------------------------------------------------------------------

interface Waiter<T> {
  predicate: (item: T, index: number) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class WaitableLog<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(private readonly label: string) {}

  push(item: T): void {
    const index = this.items.length;
    this.items.push(item);
    for (const w of [...this.waiters]) {
      let hit = false;
      try {
        hit = w.predicate(item, index);
      } catch (err) {
        this.settle(w);
        w.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (hit) {
        this.settle(w);
        w.resolve(item);
      }
    }
  }

  /** First item (past or future) matching predicate. */
  waitFor(predicate: (item: T, index: number) => boolean = () => true, timeoutMs = 3000): Promise<T> {
    const found = this.items.find((item, i) => predicate(item, i));
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${this.label}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** The nth (1-based) item, past or future. */
  waitForNth(n: number, timeoutMs = 3000): Promise<T> {
    return this.waitFor((_item, index) => index === n - 1, timeoutMs);
  }

  cancelAll(reason: string): void {
    for (const w of [...this.waiters]) {
      this.settle(w);
      w.reject(new Error(`stand-in: ${reason} while waiting for ${this.label}`));
    }
  }

  private settle(w: Waiter<T>): void {
    clearTimeout(w.timer);
    this.waiters.delete(w);
  }
}

// ---------------------------------------------------------------------------
// Internal state
// ---------------------------------------------------------------------------

interface Session {
  id: string;
  seq: number;
  events: DispatchRecord[];
  conn: Connection | null;
}

interface Connection {
  info: GatewayConnectionInfo;
  ws: WebSocket;
  session: Session | null;
}

interface InteractionState {
  payload: InteractionPayload;
  acknowledged: boolean;
  responseType: number | null;
  original: JsonObject | undefined;
  followups: Map<string, JsonObject>;
}

interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  matched?: boolean;
}

const MessageFlagEphemeral = 1 << 6;
const MessageFlagLoading = 1 << 7;

/** VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, ADD_REACTIONS,
 * USE_EXTERNAL_EMOJIS, USE_APPLICATION_COMMANDS, SEND_MESSAGES_IN_THREADS. */
export const DEFAULT_PERMISSIONS = (
  (1n << 10n) |
  (1n << 11n) |
  (1n << 14n) |
  (1n << 15n) |
  (1n << 16n) |
  (1n << 6n) |
  (1n << 18n) |
  (1n << 31n) |
  (1n << 38n)
).toString();

function err(status: number, code: number, message: string): HttpResult {
  return { status, body: { message, code } };
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: unknown = null;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') {
        try {
          body = JSON.parse(value);
        } catch {
          body = value;
        }
      } else {
        if (!isObject(body)) body = {};
        (body as JsonObject)[field] = value;
      }
    } else {
      const data = Buffer.from(await value.arrayBuffer());
      files.push({ field, name: value.name, contentType: value.type, size: data.length, data });
    }
  }
  return { body, files };
}

function splitPath(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Match `segs` against a pattern like `interactions/:id/:token/callback`. */
function matchRoute(pattern: string, segs: string[]): Record<string, string> | null {
  const parts = pattern.split('/');
  if (parts.length !== segs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    const s = segs[i] as string;
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p !== s) return null;
  }
  return params;
}

// ---------------------------------------------------------------------------
// The stand-in
// ---------------------------------------------------------------------------

export class DiscordStandin {
  readonly port: number;
  /** Pass to discord.js: `new Client({ rest: { api: apiBase } })` / `new REST({ api: apiBase })`. */
  readonly apiBase: string;
  /** Returned by `GET /gateway/bot`. discord.js connects to `${gatewayUrl}?v=10&encoding=json`. */
  readonly gatewayUrl: string;
  /** `resume_gateway_url` in READY; a different path so tests can see the client honour it. */
  readonly resumeGatewayUrl: string;

  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  /** Default invoking user of built interactions. */
  readonly testUser: APIUser;
  readonly guildOwnerId: string;

  /** Every REST call, in order (including unmatched 404s). */
  readonly requests = new WaitableLog<RecordedRequest>('REST request');
  readonly callbacks = new WaitableLog<CallbackRecord>('interaction callback');
  readonly webhooks = new WaitableLog<WebhookRecord>('webhook call');
  readonly commandRegistrations = new WaitableLog<CommandRegistration>('command registration');
  /** Messages the bot created with `POST /channels/:id/messages`. */
  readonly channelMessages = new WaitableLog<JsonObject>('channel message');

  readonly connections = new WaitableLog<GatewayConnectionInfo>('gateway connection');
  readonly gatewayReceived = new WaitableLog<GatewayReceived>('gateway payload from client');
  readonly identifies = new WaitableLog<IdentifyRecord>('IDENTIFY');
  readonly resumes = new WaitableLog<ResumeRecord>('RESUME');
  /** One entry per READY+GUILD_CREATE burst sent (after each IDENTIFY). */
  readonly readies = new WaitableLog<{ sessionId: string; connectionId: number; at: number }>('READY sent');
  /** One entry per RESUMED sent. */
  readonly resumeds = new WaitableLog<{ sessionId: string; connectionId: number; replayed: number; at: number }>(
    'RESUMED sent',
  );
  readonly dispatches = new WaitableLog<DispatchRecord>('dispatch');
  /** Every finished download of a hosted attachment (see `hostAttachment`). */
  readonly attachmentDownloads = new WaitableLog<AttachmentDownload>('attachment download');
  heartbeatCount = 0;
  private readonly hosted = new Map<string, HostedAttachmentOptions>();

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<Socket>();
  private readonly conns = new Set<Connection>();
  private session: Session | null = null;
  private connCounter = 0;
  private readonly interactionsById = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  /** key: guildId or '' for global. */
  private readonly commands = new Map<string, JsonObject[]>();
  private readonly stableCommandIds = new Map<string, string>();
  private readonly overrides: RestOverride[] = [];
  private readonly latencies: { predicate: (r: RecordedRequest) => boolean; ms: number }[] = [];
  private readonly holds: { predicate: (r: RecordedRequest) => boolean; gate: Promise<void>; arrived: () => void }[] = [];
  private readonly losses: { predicate: (r: RecordedRequest) => boolean; left: number }[] = [];
  private closed = false;
  private markClosing!: () => void;
  /** Resolves when close() starts: releases held requests. */
  private readonly closing = new Promise<void>((resolve) => { this.markClosing = resolve; });
  private readonly opts: StandinOptions;
  private readonly heartbeatIntervalMs: number;

  private constructor(server: Server, port: number, opts: StandinOptions) {
    this.server = server;
    this.port = port;
    this.opts = opts;
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 41250;
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.resumeGatewayUrl = `ws://127.0.0.1:${port}/resume`;

    this.applicationId = opts.botUserId ?? snowflake();
    this.botUser = {
      id: this.applicationId,
      username: opts.botUsername ?? 'story-bot',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      verified: true,
      mfa_enabled: false,
      flags: 0 as UserFlags,
      public_flags: 0 as UserFlags,
    };
    this.guildId = opts.guildId ?? snowflake();
    this.channelId = opts.channelId ?? snowflake();
    this.guildOwnerId = snowflake();
    this.testUser = {
      id: snowflake(),
      username: 'tester',
      discriminator: '0',
      global_name: 'Tester',
      avatar: null,
      public_flags: 0 as UserFlags,
    };

    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void this.handleHttp(req, res);
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.closed) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGatewayConnection(ws, req));
    });
  }

  static async start(opts: StandinOptions = {}): Promise<DiscordStandin> {
    const server = createServer();
    // keep-alive connections from undici would otherwise linger after tests
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const addr = server.address();
    if (addr === null || typeof addr === 'string') throw new Error('stand-in: unexpected server address');
    return new DiscordStandin(server, addr.port, opts);
  }

  // -------------------------------------------------------------------------
  // Public helpers: REST
  // -------------------------------------------------------------------------

  /** First REST request (past or future) matching predicate. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 3000): Promise<RecordedRequest> {
    return this.requests.waitFor(predicate, timeoutMs);
  }

  /** First interaction callback (past or future) matching predicate. */
  waitForCallback(predicate: (r: CallbackRecord) => boolean = () => true, timeoutMs = 3000): Promise<CallbackRecord> {
    return this.callbacks.waitFor(predicate, timeoutMs);
  }

  /** First webhook call (edit / follow-up / fetch / delete), past or future, matching predicate. */
  waitForWebhook(predicate: (r: WebhookRecord) => boolean = () => true, timeoutMs = 3000): Promise<WebhookRecord> {
    return this.webhooks.waitFor(predicate, timeoutMs);
  }

  /** Commands currently registered (global when guildId is omitted). */
  registeredCommands(guildId?: string): JsonObject[] {
    return this.commands.get(guildId ?? '') ?? [];
  }

  /**
   * Add a REST override, consulted (newest first) before normal routing; e.g. to inject a 500 or 429.
   * Returns a function that removes it.
   */
  override(fn: RestOverride): () => void {
    this.overrides.unshift(fn);
    return () => {
      const i = this.overrides.indexOf(fn);
      if (i >= 0) this.overrides.splice(i, 1);
    };
  }

  /** Make the next `times` requests matching predicate fail with status/body. */
  failNext(
    predicate: (r: RecordedRequest) => boolean,
    status: number,
    body: unknown = { message: 'stand-in injected failure', code: 0 },
    times = 1,
  ): void {
    let left = times;
    const remove = this.override((r) => {
      if (left <= 0 || !predicate(r)) return undefined;
      left -= 1;
      if (left <= 0) remove();
      return { status, body };
    });
  }

  /**
   * Fault injection: REST latency. Requests matching predicate are handled `ms` later (as if the
   * network were slow), then answered as usual. Returns a function that removes the rule.
   */
  addLatency(predicate: (r: RecordedRequest) => boolean, ms: number): () => void {
    const rule = { predicate, ms };
    this.latencies.push(rule);
    return () => {
      const i = this.latencies.indexOf(rule);
      if (i >= 0) this.latencies.splice(i, 1);
    };
  }

  /**
   * Fault injection: REST held as long as the test wants. Requests matching predicate wait, unanswered,
   * until `release()` is called (or the stand-in closes), then are answered as usual; `arrived` resolves
   * when the first of them comes in. Deterministic where a latency would be a guess at how long is enough.
   */
  hold(predicate: (r: RecordedRequest) => boolean): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const first = new Promise<void>((resolve) => { arrived = resolve; });
    const rule = { predicate, gate, arrived };
    this.holds.push(rule);
    return {
      arrived: first,
      release: () => {
        const i = this.holds.indexOf(rule);
        if (i >= 0) this.holds.splice(i, 1);
        release();
      },
    };
  }

  /**
   * Fault injection: a lost response. The next `times` requests matching predicate are processed as
   * usual (an interaction callback counts as acknowledged) but the connection is cut before the answer,
   * so the client sees a network error and does not know whether it got through.
   */
  loseResponseNext(predicate: (r: RecordedRequest) => boolean, times = 1): void {
    this.losses.push({ predicate, left: times });
  }

  // -------------------------------------------------------------------------
  // Public helpers: gateway
  // -------------------------------------------------------------------------

  get identifyCount(): number {
    return this.identifies.items.length;
  }

  /** Successful RESUMEs. */
  get resumeCount(): number {
    return this.resumes.items.filter((r) => r.ok).length;
  }

  get sessionId(): string | null {
    return this.session?.id ?? null;
  }

  /** Last sequence number dispatched on the current session. */
  get sequence(): number {
    return this.session?.seq ?? 0;
  }

  /** True when a client connection is open and authenticated (identified or resumed). */
  get connected(): boolean {
    const c = this.session?.conn;
    return c !== null && c !== undefined && c.ws.readyState === WebSocket.OPEN;
  }

  /** Resolves with the nth (default 1st) IDENTIFY, past or future. */
  waitForIdentify(n = 1, timeoutMs = 3000): Promise<IdentifyRecord> {
    return this.identifies.waitForNth(n, timeoutMs);
  }

  /** Resolves when the nth (default 1st) READY (+ GUILD_CREATE) has been sent. */
  waitForReady(n = 1, timeoutMs = 3000): Promise<{ sessionId: string; connectionId: number; at: number }> {
    return this.readies.waitForNth(n, timeoutMs);
  }

  /** Resolves when the nth (default 1st) successful RESUME was answered with RESUMED. */
  waitForResume(
    n = 1,
    timeoutMs = 3000,
  ): Promise<{ sessionId: string; connectionId: number; replayed: number; at: number }> {
    return this.resumeds.waitForNth(n, timeoutMs);
  }

  /** Resolves with the nth gateway connection (default 1st). */
  waitForConnection(n = 1, timeoutMs = 3000): Promise<GatewayConnectionInfo> {
    return this.connections.waitForNth(n, timeoutMs);
  }

  /**
   * Send a dispatch (op 0) with the next sequence number. If the client is momentarily
   * disconnected the event is kept and replayed when it RESUMEs (lost if it re-IDENTIFYs).
   * Throws if no client has identified yet. Returns the sequence number.
   */
  sendDispatch(t: string, d: unknown): number {
    const session = this.session;
    if (!session) throw new Error('stand-in: no gateway session yet (wait for IDENTIFY / waitForReady first)');
    return this.dispatch(session, t, d);
  }

  /**
   * Close the current gateway connection. Default 4000 (Unknown error), which discord.js
   * answers with a RESUME after ~500 ms. Use 1006 for an abrupt drop (socket terminated,
   * no close frame), also resumed. Codes like 4004/4010-4014 are fatal for discord.js;
   * 1000/4007/4009 make it re-IDENTIFY (costly: the identify throttle waits up to 5 s).
   * Resolves when the socket is closed.
   */
  dropConnection(code = 4000, reason = 'stand-in dropped the connection'): Promise<void> {
    const conn = this.session?.conn;
    if (!conn) return Promise.reject(new Error('stand-in: no authenticated gateway connection to drop'));
    return this.closeConnection(conn, code, reason);
  }

  /** Send op 7 RECONNECT; discord.js closes and RESUMEs. */
  sendReconnect(): void {
    const conn = this.session?.conn;
    if (!conn) throw new Error('stand-in: no authenticated gateway connection');
    this.sendRaw(conn, { op: 7, d: null, s: null, t: null });
  }

  // -------------------------------------------------------------------------
  // Public helpers: interactions
  // -------------------------------------------------------------------------

  /**
   * Complete `partial` into a full INTERACTION_CREATE payload (missing id/token/context are
   * generated; without `type`/`data` it is a chat-input command named `test`) and dispatch it.
   */
  sendInteraction(partial: Partial<InteractionPayload> | JsonObject = {}): SentInteraction {
    const payload = this.completeInteraction(partial);
    const state: InteractionState = {
      payload,
      acknowledged: false,
      responseType: null,
      original: undefined,
      followups: new Map(),
    };
    this.interactionsById.set(payload.id, state);
    this.interactionsByToken.set(payload.token, state);
    const seq = this.sendDispatch('INTERACTION_CREATE', payload);
    return {
      id: payload.id,
      token: payload.token,
      seq,
      payload,
      waitForCallback: (timeoutMs = 3000) =>
        this.callbacks.waitFor((c) => c.interactionId === payload.id, timeoutMs),
      waitForWebhook: (predicate = () => true, timeoutMs = 3000) =>
        this.webhooks.waitFor((w) => w.token === payload.token && predicate(w), timeoutMs),
      original: () => state.original,
    };
  }

  sendChatInput(opts: ChatInputOptions): SentInteraction {
    return this.sendInteraction(this.buildChatInput(opts));
  }

  sendAutocomplete(opts: AutocompleteOptions): SentInteraction {
    return this.sendInteraction(this.buildAutocomplete(opts));
  }

  sendMessageContextMenu(opts: MessageContextMenuOptions): SentInteraction {
    return this.sendInteraction(this.buildMessageContextMenu(opts));
  }

  /**
   * Serve a file as Discord would serve an attachment, but on this stand-in (`http://127.0.0.1:<port>/attachments/…`),
   * and return the attachment object to put in an interaction's `resolved.attachments`.
   */
  hostAttachment(opts: HostedAttachmentOptions): JsonObject {
    const id = snowflake();
    const path = `/attachments/${this.channelId}/${id}/${encodeURIComponent(opts.filename)}`;
    this.hosted.set(path, opts);
    const size = opts.data !== undefined ? Buffer.byteLength(opts.data) : (opts.streamBytes ?? 0);
    const url = `http://127.0.0.1:${this.port}${path}`;
    return {
      id,
      filename: opts.filename,
      size: opts.declaredSize ?? size,
      url,
      proxy_url: url,
      ...(opts.contentType ? { content_type: opts.contentType } : {}),
      ephemeral: true,
    };
  }

  /** A button click (type 3, component_type 2) on a message the bot sent. */
  sendButton(opts: ButtonOptions): SentInteraction {
    const base = this.interactionBase(opts);
    const channelId = (base['channel_id'] as string | undefined) ?? this.channelId;
    const message = this.buildMessage({ channel_id: channelId, author: this.botUser, application_id: this.applicationId, ...(opts.message ?? {}) });
    return this.sendInteraction(this.finish({ ...base, type: 3, data: { custom_id: opts.customId, component_type: 2 }, message }, opts));
  }

  /** A modal submission (type 5): the values of its text inputs. */
  sendModalSubmit(opts: ModalSubmitOptions): SentInteraction {
    const base = this.interactionBase(opts);
    const components = Object.entries(opts.fields).map(([custom_id, value]) => ({ type: 1, components: [{ type: 4, custom_id, value }] }));
    return this.sendInteraction(this.finish({ ...base, type: 5, data: { custom_id: opts.customId, components } }, opts));
  }

  /** A full chat-input (slash command) interaction payload: type 2, data.type 1. */
  buildChatInput(opts: ChatInputOptions): InteractionPayload {
    const base = this.interactionBase(opts);
    const data: JsonObject = {
      id: opts.commandId ?? this.commandIdFor(opts.name),
      name: opts.name,
      type: 1,
    };
    if (opts.options) data['options'] = opts.options;
    if (opts.resolved) data['resolved'] = opts.resolved;
    if (!opts.dm) data['guild_id'] = this.isGuildCommand(opts.name) ? this.guildId : undefined;
    if (data['guild_id'] === undefined) delete data['guild_id'];
    const payload = { ...base, type: 2, data };
    return this.finish(payload, opts);
  }

  /** A full autocomplete interaction payload: type 4, one option with `focused: true`. */
  buildAutocomplete(opts: AutocompleteOptions): InteractionPayload {
    const options = structuredClone(opts.options) as JsonObject[];
    if (!hasFocused(options)) markLastLeafFocused(options);
    const chat = this.buildChatInput({ ...opts, options: options as CommandOption[] });
    return { ...chat, type: 4 };
  }

  /** A full message context-menu interaction payload: type 2, data.type 3, target in `resolved.messages`. */
  buildMessageContextMenu(opts: MessageContextMenuOptions): InteractionPayload {
    const base = this.interactionBase(opts);
    const channelId = (base['channel_id'] as string | undefined) ?? this.channelId;
    const message = this.buildMessage({ channel_id: channelId, ...(opts.message ?? {}) });
    const targetId = message['id'] as string;
    const data: JsonObject = {
      id: opts.commandId ?? this.commandIdFor(opts.name),
      name: opts.name,
      type: 3,
      target_id: targetId,
      resolved: { messages: { [targetId]: message } },
    };
    if (!opts.dm && this.isGuildCommand(opts.name)) data['guild_id'] = this.guildId;
    return this.finish({ ...base, type: 2, data }, opts);
  }

  /** A full message object as Discord sends it (author defaults to the test user). */
  buildMessage(partial: JsonObject = {}): JsonObject {
    const msg: Omit<APIMessage, 'channel_id'> & { channel_id: string } = {
      id: snowflake(),
      type: 0,
      channel_id: this.channelId,
      author: this.testUser,
      content: 'Example message content',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      flags: 0 as MessageFlags,
      components: [],
    };
    return { ...msg, ...partial };
  }

  // -------------------------------------------------------------------------
  // Shutdown
  // -------------------------------------------------------------------------

  /** Terminate gateway sockets, HTTP connections and the server; reject pending waiters. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.markClosing();
    for (const log of [
      this.requests,
      this.callbacks,
      this.webhooks,
      this.commandRegistrations,
      this.channelMessages,
      this.connections,
      this.gatewayReceived,
      this.identifies,
      this.resumes,
      this.readies,
      this.resumeds,
      this.dispatches,
      this.attachmentDownloads,
    ] as WaitableLog<unknown>[]) {
      log.cancelAll('stand-in closed');
    }
    for (const conn of this.conns) conn.ws.terminate();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  // -------------------------------------------------------------------------
  // Gateway internals
  // -------------------------------------------------------------------------

  private log(...args: unknown[]): void {
    if (this.opts.verbose) console.error('[standin]', ...args);
  }

  private onGatewayConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const info: GatewayConnectionInfo = {
      id: ++this.connCounter,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      openedAt: Date.now(),
      closedAt: null,
      closeCode: null,
      authenticatedBy: null,
    };
    const conn: Connection = { info, ws, session: null };
    this.conns.add(conn);
    this.log('gateway connect', info.id, req.url);
    ws.on('message', (data: RawData, isBinary: boolean) => this.onGatewayMessage(conn, data, isBinary));
    ws.on('error', (e) => this.log('gateway socket error', info.id, e.message));
    ws.on('close', (code) => {
      info.closedAt = Date.now();
      info.closeCode = code;
      this.conns.delete(conn);
      if (conn.session && conn.session.conn === conn) conn.session.conn = null;
      this.log('gateway close', info.id, code);
    });
    this.connections.push(info);
    if (info.query['encoding'] !== undefined && info.query['encoding'] !== 'json') {
      // Only JSON is implemented. 4002 = decode error.
      ws.close(4002, 'stand-in only speaks encoding=json');
      return;
    }
    this.sendRaw(conn, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["standin"]'] }, s: null, t: null });
  }

  private onGatewayMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      // discord.js only sends text JSON frames with encoding=json
      this.closeConnection(conn, 4002, 'binary frames not supported by stand-in').catch(() => {});
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(rawToString(data));
    } catch {
      this.closeConnection(conn, 4002, 'Error while decoding payload.').catch(() => {});
      return;
    }
    if (!isObject(payload) || typeof payload['op'] !== 'number') {
      this.closeConnection(conn, 4002, 'Error while decoding payload.').catch(() => {});
      return;
    }
    const op = payload['op'];
    const d = payload['d'];
    this.gatewayReceived.push({ connectionId: conn.info.id, op, d, at: Date.now() });
    this.log('gateway <-', conn.info.id, 'op', op);
    switch (op) {
      case 1: // HEARTBEAT
        this.heartbeatCount += 1;
        this.sendRaw(conn, { op: 11, d: null, s: null, t: null });
        return;
      case 2: // IDENTIFY
        this.onIdentify(conn, isObject(d) ? d : {});
        return;
      case 6: // RESUME
        this.onResume(conn, isObject(d) ? d : {});
        return;
      case 3: // PRESENCE_UPDATE
      case 4: // VOICE_STATE_UPDATE
      case 8: // REQUEST_GUILD_MEMBERS
      case 31: // REQUEST_SOUNDBOARD_SOUNDS
        return;
      default:
        this.closeConnection(conn, 4001, 'Unknown opcode.').catch(() => {});
    }
  }

  private onIdentify(conn: Connection, d: JsonObject): void {
    if (conn.info.authenticatedBy !== null) {
      this.closeConnection(conn, 4005, 'Already authenticated.').catch(() => {});
      return;
    }
    const token = String(d['token'] ?? '');
    if (this.opts.token !== undefined && token.replace(/^Bot\s+/i, '') !== this.opts.token) {
      this.closeConnection(conn, 4004, 'Authentication failed.').catch(() => {});
      return;
    }
    this.identifies.push({
      connectionId: conn.info.id,
      token,
      intents: Number(d['intents'] ?? 0),
      shard: d['shard'],
      properties: d['properties'],
      compress: d['compress'],
      presence: d['presence'],
      d,
      at: Date.now(),
    });
    // A new identify starts a new session; the old one can no longer be resumed.
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, events: [], conn };
    if (this.session?.conn && this.session.conn !== conn) {
      this.closeConnection(this.session.conn, 4009, 'Session replaced').catch(() => {});
    }
    this.session = session;
    conn.session = session;
    conn.info.authenticatedBy = 'identify';

    const shard = Array.isArray(d['shard']) ? (d['shard'] as [number, number]) : ([0, 1] as [number, number]);
    const ready: GatewayReadyDispatchData & JsonObject = {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.resumeGatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 1 << 23, flags_new: String(1 << 23) },
      session_type: 'normal',
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['us-east'],
      auth: {},
      user_settings: {},
      _trace: ['["standin-gateway"]'],
    };
    this.dispatch(session, 'READY', ready);
    this.dispatch(session, 'GUILD_CREATE', this.guildCreatePayload());
    this.readies.push({ sessionId: session.id, connectionId: conn.info.id, at: Date.now() });
  }

  private onResume(conn: Connection, d: JsonObject): void {
    if (conn.info.authenticatedBy !== null) {
      this.closeConnection(conn, 4005, 'Already authenticated.').catch(() => {});
      return;
    }
    const sessionId = String(d['session_id'] ?? '');
    const seq = typeof d['seq'] === 'number' ? d['seq'] : null;
    const session = this.session;
    const token = String(d['token'] ?? '');
    const tokenOk = this.opts.token === undefined || token.replace(/^Bot\s+/i, '') === this.opts.token;
    if (!session || session.id !== sessionId || !tokenOk) {
      this.resumes.push({ connectionId: conn.info.id, sessionId, seq, ok: false, replayed: 0, at: Date.now() });
      this.sendRaw(conn, { op: 9, d: false, s: null, t: null });
      return;
    }
    if (session.conn && session.conn !== conn) {
      // the old socket is still around (e.g. half-open); Discord would drop it
      this.closeConnection(session.conn, 4009, 'Session resumed elsewhere').catch(() => {});
    }
    session.conn = conn;
    conn.session = session;
    conn.info.authenticatedBy = 'resume';
    const missed = session.events.filter((e) => seq === null || e.s > seq);
    for (const ev of missed) this.sendRaw(conn, { op: 0, t: ev.t, s: ev.s, d: ev.d });
    this.resumes.push({ connectionId: conn.info.id, sessionId, seq, ok: true, replayed: missed.length, at: Date.now() });
    this.dispatch(session, 'RESUMED', { _trace: ['["standin-gateway"]'] });
    this.resumeds.push({ sessionId, connectionId: conn.info.id, replayed: missed.length, at: Date.now() });
  }

  private dispatch(session: Session, t: string, d: unknown): number {
    session.seq += 1;
    const conn = session.conn;
    const live = conn !== null && conn.ws.readyState === WebSocket.OPEN;
    const rec: DispatchRecord = { s: session.seq, t, d, connectionId: live ? conn.info.id : null, at: Date.now() };
    session.events.push(rec);
    if (live) this.sendRaw(conn, { op: 0, t, s: rec.s, d });
    this.dispatches.push(rec);
    this.log('gateway ->', t, rec.s, live ? `conn ${conn.info.id}` : '(buffered)');
    return rec.s;
  }

  private sendRaw(conn: Connection, payload: JsonObject): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    conn.ws.send(JSON.stringify(payload));
  }

  private closeConnection(conn: Connection, code: number, reason: string): Promise<void> {
    if (conn.session && conn.session.conn === conn) conn.session.conn = null;
    const ws = conn.ws;
    if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    const done = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    if (code === 1006 || ws.readyState !== WebSocket.OPEN) ws.terminate();
    else {
      ws.close(code, reason);
      // don't hang on a client that never completes the closing handshake
      const t = setTimeout(() => ws.terminate(), 1000);
      void done.then(() => clearTimeout(t));
    }
    return done;
  }

  private guildCreatePayload(): GatewayGuildCreateDispatchData {
    const everyone: APIRole = {
      id: this.guildId,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: DEFAULT_PERMISSIONS,
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
    const channel: APIGuildTextChannel<GuildTextChannelType> = {
      id: this.channelId,
      type: 0 as GuildTextChannelType,
      name: this.opts.channelName ?? 'general',
      position: 0,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0 as ChannelFlags,
    };
    const joinedAt = new Date(Date.now() - 86_400_000).toISOString();
    const botMember = {
      user: this.botUser,
      nick: null,
      avatar: null,
      banner: null,
      roles: [],
      joined_at: joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
    const guild = {
      id: this.guildId,
      name: this.opts.guildName ?? 'Story Test Guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.guildOwnerId,
      region: 'deprecated',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [everyone],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: this.channelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_presences: null,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      hub_type: null,
      incidents_data: null,
      // GUILD_CREATE-only fields
      joined_at: joinedAt,
      large: false,
      unavailable: false,
      lazy: true,
      member_count: 2,
      voice_states: [],
      members: [botMember],
      channels: [channel],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
    return guild as unknown as GatewayGuildCreateDispatchData;
  }

  // -------------------------------------------------------------------------
  // Interaction internals
  // -------------------------------------------------------------------------

  private commandIdFor(name: string): string {
    const registered =
      this.registeredCommands(this.guildId).find((c) => c['name'] === name) ??
      this.registeredCommands().find((c) => c['name'] === name);
    if (registered && typeof registered['id'] === 'string') return registered['id'];
    let id = this.stableCommandIds.get(name);
    if (!id) {
      id = snowflake();
      this.stableCommandIds.set(name, id);
    }
    return id;
  }

  private isGuildCommand(name: string): boolean {
    return this.registeredCommands(this.guildId).some((c) => c['name'] === name);
  }

  private invokingUser(opts: InteractionContextOptions): APIUser {
    return { ...this.testUser, ...(opts.user ?? {}) } as APIUser;
  }

  /** Fields common to all interactions (no type/data). */
  private interactionBase(opts: InteractionContextOptions): JsonObject {
    const id = opts.id ?? snowflake();
    const user = this.invokingUser(opts);
    const common: JsonObject = {
      id,
      application_id: this.applicationId,
      token: opts.token ?? interactionToken(id),
      version: 1,
      app_permissions: opts.appPermissions ?? DEFAULT_PERMISSIONS,
      locale: opts.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (opts.dm) {
      const dmChannelId = opts.channelId ?? snowflake();
      return {
        ...common,
        channel_id: dmChannelId,
        channel: { id: dmChannelId, type: 1, last_message_id: null, flags: 0, recipients: [user] },
        user,
        authorizing_integration_owners: { '1': user.id },
        context: 1,
      };
    }
    const channelId = opts.channelId ?? this.channelId;
    const member: APIInteractionGuildMember = {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: opts.roles ?? [],
      joined_at: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
      permissions: opts.memberPermissions ?? DEFAULT_PERMISSIONS,
    };
    return {
      ...common,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: opts.guildLocale ?? 'en-US', features: [] },
      guild_locale: opts.guildLocale ?? 'en-US',
      channel_id: channelId,
      channel: {
        id: channelId,
        type: 0,
        guild_id: this.guildId,
        name: this.opts.channelName ?? 'general',
        position: 0,
        permission_overwrites: [],
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        parent_id: null,
        flags: 0,
        permissions: DEFAULT_PERMISSIONS,
      },
      member,
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
    };
  }

  private finish(payload: JsonObject, opts: InteractionContextOptions): InteractionPayload {
    return { ...payload, ...(opts.extra ?? {}) } as InteractionPayload;
  }

  private completeInteraction(partial: JsonObject): InteractionPayload {
    const id = typeof partial['id'] === 'string' ? partial['id'] : snowflake();
    // A DM payload (context 1) must not pick up the guild fields of a guild interaction's defaults.
    const dm = partial['context'] === 1;
    const base = this.interactionBase({ id, token: typeof partial['token'] === 'string' ? partial['token'] : undefined, dm });
    const type = typeof partial['type'] === 'number' ? partial['type'] : 2;
    const data = partial['data'] ?? (type === 2 || type === 4 ? { id: this.commandIdFor('test'), name: 'test', type: 1 } : undefined);
    const out: JsonObject = { ...base, type, ...partial };
    if (data !== undefined) out['data'] = data;
    return out as InteractionPayload;
  }

  private messageForInteraction(state: InteractionState, data: JsonObject, files: RecordedFile[], type: number): JsonObject {
    const p = state.payload;
    const user = (isObject(p['member']) ? p['member']['user'] : p['user']) as APIUser | undefined;
    const cmdData = isObject(p['data']) ? p['data'] : {};
    const msg = this.buildMessage({
      type,
      channel_id: (p['channel_id'] as string | undefined) ?? this.channelId,
      author: this.botUser,
      content: '',
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      interaction_metadata: {
        id: p.id,
        type: p.type,
        user,
        authorizing_integration_owners: p['authorizing_integration_owners'] ?? {},
        name: cmdData['name'],
        command_type: cmdData['type'],
      },
    });
    applyMessageEdit(msg, data, files);
    return msg;
  }

  // -------------------------------------------------------------------------
  // HTTP internals
  // -------------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now(); // the request's headers are in: its receipt time, before its body is read
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hosted = req.method === 'GET' ? this.hosted.get(url.pathname) : undefined;
    if (hosted) {
      this.serveAttachment(url.pathname, hosted, res);
      return;
    }
    const raw = await readBody(req).catch(() => Buffer.alloc(0));
    const contentType = String(req.headers['content-type'] ?? '');
    let body: unknown = null;
    let files: RecordedFile[] = [];
    let parseError: string | null = null;
    if (raw.length > 0) {
      if (contentType.startsWith('multipart/form-data')) {
        try {
          ({ body, files } = await parseMultipart(raw, contentType));
        } catch (e) {
          parseError = `multipart parse failed: ${(e as Error).message}`;
          body = raw.toString('latin1');
        }
      } else {
        const text = raw.toString('utf8');
        try {
          body = JSON.parse(text);
        } catch {
          if (contentType.includes('json')) parseError = 'invalid JSON body';
          body = text;
        }
      }
    }
    const m = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
    const version = m?.[1] !== undefined ? Number(m[1]) : null;
    const apiPath = m ? (m[2] ?? '/') : url.pathname;
    const segs = splitPath(apiPath);
    const record: RecordedRequest = {
      seq: 0,
      method: (req.method ?? 'GET').toUpperCase(),
      path: `/${segs.join('/')}`,
      rawPath: url.pathname,
      version,
      query: Object.fromEntries(url.searchParams),
      headers: headerRecord(req),
      body,
      rawBody: raw,
      files,
      status: 0,
      responseBody: undefined,
      matched: true,
      at: receivedAt,
    };

    const latency = this.latencies.filter((l) => l.predicate(record)).reduce((sum, l) => sum + l.ms, 0);
    if (latency > 0) {
      await new Promise((resolve) => setTimeout(resolve, latency));
      if (this.closed) {
        res.destroy();
        return;
      }
    }
    const held = this.holds.filter((h) => h.predicate(record));
    if (held.length > 0) {
      for (const h of held) h.arrived();
      await Promise.race([Promise.all(held.map((h) => h.gate)), this.closing]);
      if (this.closed) {
        res.destroy();
        return;
      }
    }
    const loss = this.losses.find((l) => l.left > 0 && l.predicate(record));
    if (loss) loss.left -= 1;

    let result: HttpResult | undefined;
    try {
      for (const o of this.overrides) {
        result = o(record);
        if (result) break;
      }
      if (!result) {
        if (!m) result = { ...err(404, 0, '404: Not Found'), matched: false };
        else if (parseError) result = err(400, 50109, `The request body contains invalid JSON. (${parseError})`);
        else result = this.route(record, segs);
      }
    } catch (e) {
      result = err(500, 0, `stand-in error: ${(e as Error).stack ?? String(e)}`);
    }
    record.status = result.status;
    record.responseBody = result.body;
    record.matched = result.matched ?? true;
    record.seq = this.requests.items.length + 1;
    this.log('REST', record.method, record.rawPath, '->', record.status);
    this.requests.push(record);
    this.flushDeferred();

    if (loss) {
      res.destroy();
      return;
    }
    if (res.destroyed) return;
    const headers: Record<string, string> = { ...(result.headers ?? {}) };
    if (result.status === 204 || result.body === undefined) {
      res.writeHead(result.status, headers);
      res.end();
    } else {
      const payload = JSON.stringify(result.body);
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
      res.writeHead(result.status, headers);
      res.end(payload);
    }
  }

  private serveAttachment(path: string, file: HostedAttachmentOptions, res: ServerResponse): void {
    let bytesSent = 0;
    let ended = false;
    const total = file.data !== undefined ? Buffer.byteLength(file.data) : (file.streamBytes ?? 0);
    res.on('close', () => {
      this.attachmentDownloads.push({ path, bytesSent, aborted: !ended || bytesSent < total, at: Date.now() });
    });
    const type = file.contentType ?? 'application/octet-stream';
    if (file.data !== undefined) {
      const body = Buffer.from(file.data);
      res.writeHead(200, { 'content-type': type, 'content-length': String(body.length) });
      bytesSent = body.length;
      ended = true;
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type }); // chunked: no content-length
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const pump = () => {
      while (bytesSent < total && !res.destroyed) {
        const n = Math.min(chunk.length, total - bytesSent);
        bytesSent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) {
        ended = true;
        res.end();
      }
    };
    pump();
  }

  /** Records that must be pushed after the request record, so `requests` order is arrival order. */
  private deferred: (() => void)[] = [];
  private later(fn: () => void): void {
    this.deferred.push(fn);
  }
  private flushDeferred(): void {
    const fns = this.deferred;
    this.deferred = [];
    for (const fn of fns) fn();
  }

  private needsAuth(r: RecordedRequest): HttpResult | null {
    const auth = r.headers['authorization'];
    if (!auth) return err(401, 0, '401: Unauthorized');
    if (this.opts.token !== undefined && auth.replace(/^Bot\s+/i, '') !== this.opts.token) {
      return err(401, 0, '401: Unauthorized');
    }
    return null;
  }

  private route(r: RecordedRequest, segs: string[]): HttpResult {
    const method = r.method;
    let p: Record<string, string> | null;
    const is = (m: string, pattern: string): boolean => {
      if (method !== m) return false;
      p = matchRoute(pattern, segs);
      return p !== null;
    };
    const param = (k: string): string => (p ? (p[k] ?? '') : '');

    // --- gateway discovery
    if (is('GET', 'gateway/bot')) {
      return (
        this.needsAuth(r) ?? {
          status: 200,
          body: {
            url: this.gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
          },
        }
      );
    }
    if (is('GET', 'gateway')) return { status: 200, body: { url: this.gatewayUrl } };

    // --- interaction callbacks & webhooks (no auth, token in URL)
    if (is('POST', 'interactions/:id/:token/callback')) return this.onCallback(r, param('id'), param('token'));
    if (is('POST', 'webhooks/:app/:token')) return this.onFollowup(r, param('app'), param('token'));
    for (const m of ['GET', 'PATCH', 'DELETE'] as const) {
      if (is(m, 'webhooks/:app/:token/messages/:mid')) {
        return this.onWebhookMessage(r, m, param('app'), param('token'), param('mid'));
      }
    }

    // everything else needs the bot token
    const authErr = this.needsAuth(r);
    if (authErr && segs[0] !== undefined) {
      // only answer 401 for routes we know; unknown routes fall through to 404 below
      const known = ['users', 'applications', 'channels', 'guilds'];
      if (known.includes(segs[0])) return authErr;
    }

    if (is('GET', 'users/@me')) return { status: 200, body: this.botUser };
    if (is('GET', 'applications/@me')) return { status: 200, body: this.applicationObject() };
    if (is('PATCH', 'applications/@me')) {
      return { status: 200, body: { ...this.applicationObject(), ...(isObject(r.body) ? r.body : {}) } };
    }

    // --- application commands
    if (is('PUT', 'applications/:app/commands')) return this.onPutCommands(r, param('app'), null);
    if (is('PUT', 'applications/:app/guilds/:guild/commands')) return this.onPutCommands(r, param('app'), param('guild'));
    if (is('GET', 'applications/:app/commands')) return this.onGetCommands(param('app'), null);
    if (is('GET', 'applications/:app/guilds/:guild/commands')) return this.onGetCommands(param('app'), param('guild'));
    if (is('POST', 'applications/:app/commands')) return this.onPostCommand(r, param('app'), null);
    if (is('POST', 'applications/:app/guilds/:guild/commands')) return this.onPostCommand(r, param('app'), param('guild'));

    // --- a few read endpoints for the test guild / channel
    if (is('GET', 'guilds/:guild')) {
      if (param('guild') !== this.guildId) return err(404, 10004, 'Unknown Guild');
      const { channels: _c, members: _m, ...g } = this.guildCreatePayload() as unknown as JsonObject;
      return { status: 200, body: g };
    }
    if (is('GET', 'channels/:channel')) {
      if (param('channel') !== this.channelId) return err(404, 10003, 'Unknown Channel');
      const ch = (this.guildCreatePayload().channels[0] ?? {}) as JsonObject;
      return { status: 200, body: { ...ch, guild_id: this.guildId } };
    }
    if (is('POST', 'channels/:channel/messages')) {
      if (param('channel') !== this.channelId) return err(404, 10003, 'Unknown Channel');
      const msg = this.buildMessage({ channel_id: this.channelId, author: this.botUser, content: '' });
      applyMessageEdit(msg, isObject(r.body) ? r.body : {}, r.files);
      this.later(() => this.channelMessages.push(msg));
      return { status: 200, body: msg };
    }

    return { ...err(404, 0, '404: Not Found'), matched: false };
  }

  private applicationObject(): JsonObject {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: randomBytes(32).toString('hex'),
      flags: 1 << 23,
      team: null,
      owner: { id: this.guildOwnerId, username: 'owner', discriminator: '0', global_name: 'Owner', avatar: null, flags: 0 },
      bot: this.botUser,
      tags: [],
      approximate_guild_count: 1,
      redirect_uris: [],
      interactions_endpoint_url: null,
      integration_types_config: { '0': {} },
    };
  }

  private normalizeCommand(cmd: JsonObject, appId: string, guildId: string | null, existing: JsonObject[]): JsonObject {
    const type = typeof cmd['type'] === 'number' ? cmd['type'] : 1;
    const prev = existing.find((c) => c['name'] === cmd['name'] && (c['type'] ?? 1) === type);
    const out: JsonObject = {
      id: typeof cmd['id'] === 'string' ? cmd['id'] : ((prev?.['id'] as string | undefined) ?? snowflake()),
      application_id: appId,
      version: snowflake(),
      default_member_permissions: null,
      type,
      name: cmd['name'],
      description: type === 1 ? (cmd['description'] ?? '') : '',
      dm_permission: true,
      contexts: null,
      integration_types: [0],
      nsfw: false,
      ...cmd,
    };
    if (type !== 1) out['description'] = '';
    if (guildId) out['guild_id'] = guildId;
    return out;
  }

  private onPutCommands(r: RecordedRequest, appId: string, guildId: string | null): HttpResult {
    if (appId !== this.applicationId) return err(403, 50001, 'Missing Access');
    if (guildId !== null && guildId !== this.guildId) return err(403, 50001, 'Missing Access');
    if (!Array.isArray(r.body)) return err(400, 50035, 'Invalid Form Body');
    const key = guildId ?? '';
    const existing = this.commands.get(key) ?? [];
    const cmds = (r.body as unknown[]).filter(isObject).map((c) => this.normalizeCommand(c, appId, guildId, existing));
    this.commands.set(key, cmds);
    this.later(() =>
      this.commandRegistrations.push({ applicationId: appId, guildId, method: 'PUT', body: r.body, commands: cmds }),
    );
    return { status: 200, body: cmds };
  }

  private onPostCommand(r: RecordedRequest, appId: string, guildId: string | null): HttpResult {
    if (appId !== this.applicationId) return err(403, 50001, 'Missing Access');
    if (!isObject(r.body)) return err(400, 50035, 'Invalid Form Body');
    const key = guildId ?? '';
    const existing = this.commands.get(key) ?? [];
    const cmd = this.normalizeCommand(r.body, appId, guildId, existing);
    const rest = existing.filter((c) => c['id'] !== cmd['id']);
    this.commands.set(key, [...rest, cmd]);
    this.later(() =>
      this.commandRegistrations.push({ applicationId: appId, guildId, method: 'POST', body: r.body, commands: [cmd] }),
    );
    return { status: existing.length === rest.length ? 201 : 200, body: cmd };
  }

  private onGetCommands(appId: string, guildId: string | null): HttpResult {
    if (appId !== this.applicationId) return err(403, 50001, 'Missing Access');
    return { status: 200, body: this.commands.get(guildId ?? '') ?? [] };
  }

  private onCallback(r: RecordedRequest, interactionId: string, token: string): HttpResult {
    const state = this.interactionsById.get(interactionId);
    if (!state || state.payload.token !== token) return err(404, 10062, 'Unknown interaction');
    const body = r.body;
    if (!isObject(body) || typeof body['type'] !== 'number') return err(400, 50035, 'Invalid Form Body');
    if (state.acknowledged) return err(400, 40060, 'Interaction has already been acknowledged.');
    const type = body['type'];
    const data = isObject(body['data']) ? body['data'] : {};
    const withResponse = r.query['with_response'] === 'true';
    const cmdType = isObject(state.payload['data']) ? state.payload['data']['type'] : undefined;
    const replyMessageType = cmdType === 1 || cmdType === undefined ? 20 : 23;

    switch (type) {
      case 4: // CHANNEL_MESSAGE_WITH_SOURCE
        state.original = this.messageForInteraction(state, data, r.files, replyMessageType);
        break;
      case 5: {
        // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking..." message
        const flags = (typeof data['flags'] === 'number' ? data['flags'] : 0) & MessageFlagEphemeral;
        state.original = this.messageForInteraction(state, { flags: flags | MessageFlagLoading }, [], replyMessageType);
        break;
      }
      case 6: // DEFERRED_UPDATE_MESSAGE
      case 7: {
        // UPDATE_MESSAGE (component interactions): the original is the component's message
        const source = isObject(state.payload['message']) ? structuredClone(state.payload['message']) : undefined;
        if (source) {
          if (type === 7) applyMessageEdit(source, data, r.files);
          state.original = source;
        }
        break;
      }
      case 1: // PONG (HTTP interactions only)
      case 8: // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
      case 9: // MODAL
      case 10: // PREMIUM_REQUIRED (deprecated)
      case 12: // LAUNCH_ACTIVITY
        break;
      default:
        return err(400, 50035, 'Invalid Form Body');
    }
    state.acknowledged = true;
    state.responseType = type;
    this.later(() =>
      this.callbacks.push({ interactionId, token, type, body, withResponse, files: r.files, request: r }),
    );
    if (!withResponse) return { status: 204 };
    const original = state.original;
    const flags = typeof original?.['flags'] === 'number' ? original['flags'] : 0;
    return {
      status: 200,
      body: {
        interaction: {
          id: interactionId,
          type: state.payload.type,
          activity_instance_id: undefined,
          response_message_id: original?.['id'],
          response_message_loading: original ? (flags & MessageFlagLoading) !== 0 : undefined,
          response_message_ephemeral: original ? (flags & MessageFlagEphemeral) !== 0 : undefined,
        },
        resource: { type, message: type === 4 || type === 5 || type === 7 ? original : undefined },
      },
    };
  }

  private webhookState(appId: string, token: string): InteractionState | HttpResult {
    if (appId !== this.applicationId) return err(404, 10015, 'Unknown Webhook');
    const state = this.interactionsByToken.get(token);
    if (!state) return err(404, 10015, 'Unknown Webhook');
    return state;
  }

  private onFollowup(r: RecordedRequest, appId: string, token: string): HttpResult {
    const s = this.webhookState(appId, token);
    const record = (): void =>
      this.later(() =>
        this.webhooks.push({ method: 'POST', applicationId: appId, token, messageId: null, body: r.body, files: r.files, request: r }),
      );
    if (!('payload' in s)) {
      record();
      return s;
    }
    if (!s.acknowledged) {
      record();
      return err(404, 10015, 'Unknown Webhook');
    }
    const data = isObject(r.body) ? r.body : {};
    const msg = this.messageForInteraction(s, data, r.files, 0);
    s.followups.set(msg['id'] as string, msg);
    record();
    if (r.query['wait'] === 'false') return { status: 204 };
    return { status: 200, body: msg };
  }

  private onWebhookMessage(
    r: RecordedRequest,
    method: 'GET' | 'PATCH' | 'DELETE',
    appId: string,
    token: string,
    messageId: string,
  ): HttpResult {
    this.later(() =>
      this.webhooks.push({ method, applicationId: appId, token, messageId, body: r.body, files: r.files, request: r }),
    );
    const s = this.webhookState(appId, token);
    if (!('payload' in s)) return s;
    const isOriginal = messageId === '@original' || messageId === s.original?.['id'];
    const msg = isOriginal ? s.original : s.followups.get(messageId);
    if (!msg) return err(404, 10008, 'Unknown Message');
    if (method === 'GET') return { status: 200, body: msg };
    if (method === 'DELETE') {
      if (isOriginal) s.original = undefined;
      else s.followups.delete(messageId);
      return { status: 204 };
    }
    applyMessageEdit(msg, isObject(r.body) ? r.body : {}, r.files);
    msg['flags'] = (typeof msg['flags'] === 'number' ? msg['flags'] : 0) & ~MessageFlagLoading;
    msg['edited_timestamp'] = new Date().toISOString();
    return { status: 200, body: msg };
  }
}

// ---------------------------------------------------------------------------
// Message helpers
// ---------------------------------------------------------------------------

/** Apply a create/edit message body (content, embeds, components, flags, attachments, poll) onto `msg`. */
function applyMessageEdit(msg: JsonObject, data: JsonObject, files: RecordedFile[]): void {
  for (const key of ['content', 'embeds', 'components', 'tts', 'poll', 'sticker_ids'] as const) {
    if (key in data && data[key] !== undefined) msg[key] = data[key] ?? (key === 'content' ? '' : []);
  }
  if (typeof data['flags'] === 'number') {
    const keepLoading = (typeof msg['flags'] === 'number' ? msg['flags'] : 0) & MessageFlagLoading;
    msg['flags'] = data['flags'] | keepLoading;
  }
  if (Array.isArray(data['attachments']) || files.length > 0) {
    const declared = Array.isArray(data['attachments']) ? (data['attachments'] as unknown[]).filter(isObject) : [];
    const out: JsonObject[] = [];
    for (const a of declared) {
      // an existing attachment being kept (has a snowflake id), or a new upload referencing files[n]
      const idx = typeof a['id'] === 'number' ? a['id'] : Number.isInteger(Number(a['id'])) && String(a['id']).length < 6 ? Number(a['id']) : null;
      const file = idx !== null ? files.find((f) => f.field === `files[${idx}]`) : undefined;
      if (file) out.push(attachmentFor(file, a));
      else if (typeof a['id'] === 'string' && a['id'].length >= 17) out.push(a);
    }
    for (const f of files) {
      if (!out.some((a) => a['filename'] === f.name)) out.push(attachmentFor(f, {}));
    }
    msg['attachments'] = out;
  }
}

function attachmentFor(file: RecordedFile, declared: JsonObject): JsonObject {
  const id = snowflake();
  const url = `https://cdn.discordapp.com/attachments/0/${id}/${encodeURIComponent(file.name)}`;
  return {
    id,
    filename: (declared['filename'] as string | undefined) ?? file.name,
    description: declared['description'],
    size: file.size,
    url,
    proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
    content_type: file.contentType || undefined,
  };
}

function hasFocused(options: JsonObject[]): boolean {
  return options.some((o) => o['focused'] === true || (Array.isArray(o['options']) && hasFocused(o['options'] as JsonObject[])));
}

function markLastLeafFocused(options: JsonObject[]): void {
  const last = options[options.length - 1];
  if (!last) return;
  if (Array.isArray(last['options']) && (last['type'] === 1 || last['type'] === 2)) {
    markLastLeafFocused(last['options'] as JsonObject[]);
  } else {
    last['focused'] = true;
  }
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Start a stand-in on 127.0.0.1 with a random port. */
export function startStandin(opts: StandinOptions = {}): Promise<DiscordStandin> {
  return DiscordStandin.start(opts);
}

