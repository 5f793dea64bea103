import { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import type { AppEnv } from "../env";
import { ApiError, type IssueDetail } from "./errors";

/** Flattens zod issues into `{location, path, message}` entries clients can map to fields. */
export const issueDetails = (location: string, error: z.ZodError): IssueDetail[] =>
  error.issues.map((i) => ({
    location,
    path: i.path.map(String).join("."),
    message:
      i.code === "unrecognized_keys" ? `unknown field(s): ${i.keys.join(", ")}` : i.message,
  }));

/**
 * An OpenAPIHono whose validation failures become the `validation_failed` envelope.
 * Every feature router is built with this so the behaviour is the same everywhere.
 */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(400, "validation_failed", "The request is not valid", issueDetails(result.target, result.error));
      }
    },
  });
