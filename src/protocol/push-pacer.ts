/** What a round is taken to cost before one has been measured: a local fetch, build and push. */
const FIRST_ROUND_MS = 250;
/** How many rounds a node holds off at most after a contended push. */
const MAX_HOLD_ROUNDS = 8;
/** The retry window, in rounds, of a node whose lease is at risk: some jitter, so two such nodes part. */
const URGENT_WINDOW_ROUNDS = 0.1;

/**
 * Congestion control for pushes to one branch. A push is built on the tip its round read, so it loses to
 * any push that lands between that read and its own: what is at risk is the whole round (fetch, build,
 * push), which this measures. Two rules keep nodes from losing to one another round after round.
 *
 * - A lost race is tried again after a random wait within a window of one round, widened by how contended
 *   the branch has been: the average number of races lost per landed push, over many pushes (a grid whose
 *   nodes all push at once spreads them out). The window never grows with a node's own run of losses: that
 *   would put a node that lost a few behind the nodes that won (the capture effect), and under load it could
 *   lose for longer than the node timeout and have its claims reaped while it ran them.
 * - A push that landed only after lost races holds its node off before the next one, a round for each race
 *   it lost (they tell how many others are pushing), and the hold halves after each push that met no
 *   contention: the nodes it beat get their turns, and what the node gathers meanwhile rides in its next push.
 * - A node whose lease is at risk (its heartbeat is overdue while it runs claims) retries at once, within a
 *   tenth of a round: it reads the new tip ahead of the nodes that wait their share, so the node nearest to
 *   having its claims reaped is the likeliest to land next, whatever it lost before.
 */
export class PushPacer {
  private roundMs = FIRST_ROUND_MS;
  private holdMs = 0;
  private landedAt = 0;
  private startedAt = 0;
  private lost = 0;
  /** Races lost per landed push, a moving average. */
  private contention = 0;
  private turnMs: number | undefined;
  private lastTurnMs: number | undefined;

  constructor(private readonly clock: () => number = Date.now) {}

  /** How long the node holds off after its last landed push. */
  get hold(): number {
    return this.holdMs;
  }

  /** How long from one landed push to the next; undefined before two have landed. */
  get turn(): number | undefined {
    // The longer of the average and the last: a turn that lost races says at once that claims must last longer.
    return this.turnMs === undefined ? undefined : Math.max(this.turnMs, this.lastTurnMs!);
  }

  /** How long to wait for the node's turn, the rest of its hold, before a new change's first round. */
  untilTurn(): number {
    return Math.max(0, this.landedAt + this.holdMs - this.clock());
  }

  /** A round starts: its fetch is about to read the tip. */
  begin(): void {
    this.startedAt = this.clock();
  }

  /** The round's push lost the race; returns how long to wait before the next round. */
  lostRace(leaseAtRisk = false): number {
    this.measure();
    this.lost++;
    return Math.random() * this.roundMs * (leaseAtRisk ? URGENT_WINDOW_ROUNDS : 1 + this.contention);
  }

  /** The round's push landed. */
  landed(): void {
    this.measure();
    this.contention = 0.7 * this.contention + 0.3 * this.lost;
    const hold = this.lost > 0 ? Math.max(this.holdMs / 2, this.lost * this.roundMs) : this.holdMs / 2;
    this.holdMs = hold < this.roundMs / 2 ? 0 : Math.min(hold, MAX_HOLD_ROUNDS * this.roundMs);
    this.lost = 0;
    const now = this.clock();
    if (this.landedAt > 0) {
      const turn = now - this.landedAt;
      this.turnMs = this.turnMs === undefined ? turn : 0.7 * this.turnMs + 0.3 * turn;
      this.lastTurnMs = turn;
    }
    this.landedAt = now;
  }

  private measure(): void {
    // A moving average: one slow round (a busy moment, a big read) does not set the pace alone.
    this.roundMs = 0.7 * this.roundMs + 0.3 * Math.max(1, this.clock() - this.startedAt);
  }
}
