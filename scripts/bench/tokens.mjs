// Bearer tokens for the benchmark's users, signed as the API verifies them (HS256 with JWT_SECRET).
import { SignJWT } from "jose";

/**
 * A three-hour token for `user` with `claims`, carrying the issuer and audience the worker's vars
 * require (when they set any).
 * @param {{ secret: string, vars: Record<string, string> }} signer
 * @param {string} subject
 * @param {Record<string, unknown>} claims
 */
export function signToken({ secret, vars }, subject, claims) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject(subject).setIssuedAt().setExpirationTime("3h");
  if (vars.JWT_ISSUER) jwt.setIssuer(vars.JWT_ISSUER);
  if (vars.JWT_AUDIENCE) jwt.setAudience(vars.JWT_AUDIENCE);
  return jwt.sign(new TextEncoder().encode(secret));
}
