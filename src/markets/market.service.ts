import { canModerate } from "../auth/permissions";
import type { Principal } from "../auth/principal";
import { ApiError, notFound } from "../http/errors";
import type { Market, MarketChanges, MarketListQuery, MarketPage } from "./market.model";
import type { MarketRepository } from "./market.repository";

/** Input for a new market. */
export interface CreateMarketInput {
  name: string;
  description: string;
}

/** Business rules for markets: who may change what, and which changes are allowed. */
export class MarketService {
  constructor(
    private readonly markets: MarketRepository,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  list(query: MarketListQuery): Promise<MarketPage> {
    return this.markets.list(query);
  }

  async get(id: string): Promise<Market> {
    return (await this.markets.findById(id)) ?? throwNotFound();
  }

  create(actor: Principal, input: CreateMarketInput): Promise<Market> {
    return this.markets.create(actor, { id: this.newId(), ...input, createdAt: this.now() });
  }

  /** Applies `changes` if the actor created the market or moderates; resolved markets are final. */
  async update(actor: Principal, id: string, changes: MarketChanges): Promise<Market> {
    const current = await this.get(id);
    if (current.creator.id !== actor.id && !canModerate(actor.role)) {
      throw new ApiError(403, "forbidden", "Only the market's creator, a moderator or an admin may change it");
    }
    if (current.status === "resolved") {
      throw new ApiError(409, "conflict", "A resolved market can no longer be changed");
    }
    return (await this.markets.update(actor, id, changes, this.now())) ?? throwNotFound();
  }

  async delete(actor: Principal, id: string): Promise<void> {
    if (!(await this.markets.delete(actor, id))) throwNotFound();
  }
}

function throwNotFound(): never {
  throw notFound("Market");
}
