/** The two teams that share the scoreboard. */
export const TEAMS = ['MARKETING', 'SALES'] as const;
export type Team = (typeof TEAMS)[number];

/** Every team a caller's token may name. */
export const ACTOR_TEAMS = ['MARKETING', 'SALES', 'EXECUTIVE', 'REVOPS'] as const;
export type ActorTeam = (typeof ACTOR_TEAMS)[number];

/** Who asks: the verified claims of the caller's token. */
export interface Actor {
  readonly id: string;
  readonly name?: string;
  readonly team: ActorTeam;
  readonly lead: boolean;
}

/** Who asked for a command, as every entry point (GraphQL, command line) hands it over. */
export interface Caller {
  readonly actor: Actor;
  readonly correlationId: string;
}

/** What every command carries besides its input. */
export interface CommandContext {
  readonly actor: Actor;
  /** Server time of the request, epoch milliseconds. */
  readonly now: number;
  readonly correlationId: string;
}

export function isTeam(value: string): value is Team {
  return (TEAMS as readonly string[]).includes(value);
}
