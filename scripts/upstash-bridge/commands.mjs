// Which commands the bridge runs on its shared Redis connection. A command that would change that
// connection's state (database, protocol, user, transaction, subscriber or monitor mode), hold it
// (blocking reads), or stop or detach the server is refused with Upstash's error shape, as
// Upstash's REST API refuses them ("Connection: only PING and ECHO", "WATCH/UNWATCH/DISCARD are not
// supported", "Pub/Sub: only PUBLISH and PUBSUB", no blocking commands, no cluster commands).
// Transactions go through /multi-exec, subscriptions through /subscribe and /psubscribe, MONITOR
// through /monitor.
import { unavailable } from "./errors.mjs";

const TRANSACTION = ["MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH"];
const SUBSCRIBER = ["SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE"];
const CONNECTION_STATE = ["AUTH", "HELLO", "SELECT", "CLIENT", "RESET", "QUIT", "MONITOR", "READONLY", "READWRITE", "ASKING"];
const BLOCKING = ["BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP", "WAIT", "WAITAOF"];
const SERVER_CONTROL = ["SHUTDOWN", "DEBUG", "SYNC", "PSYNC", "REPLCONF", "REPLICAOF", "SLAVEOF", "FAILOVER", "MIGRATE", "MODULE", "CLUSTER"];
const REFUSED = new Set([...TRANSACTION, ...SUBSCRIBER, ...CONNECTION_STATE, ...BLOCKING, ...SERVER_CONTROL]);

/** An argument's text, upper-cased (arguments from a raw request body may be Buffers). */
export const upper = (arg) => (arg === undefined ? "" : String(arg).toUpperCase());

/** XREAD/XREADGROUP with BLOCK, found among the options before STREAMS (a group named BLOCK is not it). */
function blocks(command) {
  for (let i = 1; i < command.length; ) {
    const option = upper(command[i]);
    if (option === "STREAMS") return false;
    if (option === "BLOCK") return true;
    i += option === "GROUP" ? 3 : option === "COUNT" ? 2 : 1;
  }
  return false;
}

/**
 * Why the bridge will not run this command (Upstash's error text), or undefined when it will.
 * @param {Array<string | Buffer>} command
 */
export function refusal(command) {
  const name = upper(command[0]);
  if (REFUSED.has(name)) return unavailable(name);
  if (name === "SCRIPT" && upper(command[1]) === "DEBUG") return unavailable("SCRIPT DEBUG");
  if ((name === "XREAD" || name === "XREADGROUP") && blocks(command)) return unavailable(`${name} BLOCK`);
  return undefined;
}

const SCRIPT_RUNNERS = new Set(["EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO"]);
/** Whether the command runs Lua (which SCRIPT KILL / FUNCTION KILL can stop when it overruns). */
export const runsScript = (command) => SCRIPT_RUNNERS.has(upper(command[0]));
