import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import type { TestProject } from "vitest/node";
import { startBridge } from "../../scripts/upstash-bridge.mjs";
import "./provided-context";
import { startRedisServer } from "./redis-server";

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * Real infrastructure for the workerd tests, started once per run and stopped afterwards:
 * - a stand-in identity provider publishing a JWKS with one RS256 key;
 * - a private redis-server behind the Upstash REST bridge (what the worker's limiter talks to);
 * - a second way to the bridge that tests may stop and start through a small control server, to
 *   prove fail-open/fail-closed when the limiter's backend fails mid-test;
 * - for the limiter's Upstash transport: a bridge on a redis-server of its own, whose script cache
 *   only that transport's tests fill, and a server that answers with the request it received.
 */
export default async function setup(project: TestProject) {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = "test-idp-key-1";
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  const idp = createServer((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    // An identity provider gone wrong: 200 with a body that is not a JWKS.
    if (req.url === "/broken/jwks.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"keys":"not-a-list"}');
      return;
    }
    res.writeHead(404).end();
  });
  const idpPort = await listen(idp);

  const redis = await startRedisServer();
  const token = randomBytes(24).toString("base64url");
  const bridge = await startBridge({ redisUrl: redis.url, token });
  // Every worker test goes through the limiter, so the shared Redis has its scripts loaded at any
  // moment; this one starts with none, so a test can count on Upstash's NOSCRIPT.
  const privateRedis = await startRedisServer();
  const privateBridge = await startBridge({ redisUrl: privateRedis.url, token });

  // Forwards one request to the bridge, as Upstash's clients send them (JSON bodies, bearer token).
  const forwardToBridge = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const upstream = await fetch(`${bridge.url}${req.url}`, {
      method: req.method,
      headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
      body,
    });
    res.writeHead(upstream.status, { "content-type": "application/json" }).end(Buffer.from(await upstream.arrayBuffer()));
  };
  const readBody = (req: IncomingMessage, then: (body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => then(Buffer.concat(chunks)));
  };

  // While stopped, Upstash is down: every command fails with an error answer. A closed port sends
  // the limiter down the same error path, but workerd prints every refused connection (and the
  // client's retry of it) to the run's output.
  let bridgeDown = false;
  const pausable = createServer((req, res) =>
    readBody(req, (body) => {
      if (bridgeDown) res.writeHead(503, { "content-type": "application/json" }).end('{"error":"ERR Upstash is unavailable"}');
      else void forwardToBridge(req, res, body);
    }),
  );
  const pausablePort = await listen(pausable);
  // Holds Upstash's answers while told to: tests prove what a request does before the limiter answers.
  let holding = false;
  let held: (() => void)[] = [];
  let forwarded = 0;
  const gate = createServer((req, res) =>
    readBody(req, (body) => {
      const forward = () => {
        forwarded++;
        void forwardToBridge(req, res, body);
      };
      if (holding) held.push(forward);
      else forward();
    }),
  );
  const gatePort = await listen(gate);

  const control = createServer(async (req, res) => {
    if (req.method === "POST" && req.url === "/gate/hold") {
      holding = true;
    } else if (req.method === "POST" && req.url === "/gate/release") {
      holding = false;
      for (const release of held.splice(0)) release();
    } else if (req.method === "GET" && req.url === "/gate/stats") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ held: held.length, forwarded }));
      return;
    } else if (req.method === "POST" && req.url === "/bridge/stop") {
      bridgeDown = true;
    } else if (req.method === "POST" && req.url === "/bridge/start") {
      bridgeDown = false;
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(204).end();
  });
  const controlPort = await listen(control);

  // Answers every request with `{"result": <the request as it arrived>}`: what a client really sends.
  const echo = createServer((req, res) =>
    readBody(req, (body) => {
      const request = { method: req.method, path: req.url, headers: req.headers, body: body.toString("utf8") };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ result: request }));
    }),
  );
  const echoPort = await listen(echo);

  project.provide("jwksUrl", `http://127.0.0.1:${idpPort}/.well-known/jwks.json`);
  project.provide("idpPrivateJwk", privateJwk);
  project.provide("idpPublicJwk", publicJwk);
  project.provide("redisUrl", redis.url);
  project.provide("upstashUrl", bridge.url);
  project.provide("upstashToken", token);
  project.provide("pausableUpstashUrl", `http://127.0.0.1:${pausablePort}`);
  project.provide("bridgeControlUrl", `http://127.0.0.1:${controlPort}`);
  project.provide("gatedUpstashUrl", `http://127.0.0.1:${gatePort}`);
  project.provide("privateUpstashUrl", privateBridge.url);
  project.provide("echoUpstashUrl", `http://127.0.0.1:${echoPort}`);

  return async () => {
    for (const release of held.splice(0)) release();
    await Promise.all([close(idp), close(control), close(gate), close(pausable), close(echo), bridge.close(), privateBridge.close()]);
    await Promise.all([redis.stop(), privateRedis.stop()]);
  };
}
