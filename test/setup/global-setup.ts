import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import type { TestProject } from "vitest/node";
import "./provided-context";

/**
 * Starts a stand-in identity provider: a real HTTP server publishing a JWKS with one RS256 key.
 * The worker under test fetches it exactly as it would fetch a production IdP's JWKS.
 */
export default async function setup(project: TestProject) {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = "test-idp-key-1";
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };

  const server: Server = createServer((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  project.provide("jwksUrl", `http://127.0.0.1:${port}/.well-known/jwks.json`);
  project.provide("idpPrivateJwk", privateJwk);
  project.provide("idpPublicJwk", publicJwk);

  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
