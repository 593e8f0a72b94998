// The slots of one node shared by its workers, one per shard of the grid. Each worker claims, commits and
// heartbeats in its own shard as a single-repository node does; the pool only says how many claims each
// may take now, so that the node never holds more than its slots (plus prefetch) over all shards, and free
// slots go first to the shard with the fullest queue.

/** What the pool knows of one worker; the worker keeps it current. */
export interface PoolMember {
  /** Tasks running now. */
  running(): number;
  /** Claims held that have not started (prefetch). */
  waiting(): number;
  /**
   * Tasks this worker could claim at its last look at its queue; 0 while its shard cannot be reached, so a
   * shard whose host is down never keeps the slots from the others.
   */
  claimable: number;
  /** Whether it is reading its shard to claim right now: a fuller shard doing so is served first. */
  claiming: boolean;
  /** Wakes the worker to look again: a slot freed, or another shard's result may unblock its tasks. */
  wake(): void;
}

export interface PoolLimits {
  slots: number;
  prefetch: number;
  /** 0: no limit. */
  maxTasks: number;
}

export class SlotPool {
  private readonly members: PoolMember[] = [];
  /** Claims taken over all shards, for max-tasks. */
  claimed = 0;
  /** The last moment any worker of the node was busy: the node is idle only when all of them are. */
  lastActivity = Date.now();

  constructor(readonly limits: PoolLimits) {}

  join(member: PoolMember): void {
    this.members.push(member);
  }

  /** Tasks running over all shards. */
  running(): number {
    return this.members.reduce((sum, m) => sum + m.running(), 0);
  }

  /** Claims running or waiting over all shards. */
  held(): number {
    return this.members.reduce((sum, m) => sum + m.running() + m.waiting(), 0);
  }

  /**
   * How many claims `member` may take now: the node's free room, less what shards with a fuller queue (at
   * their last look) that are claiming at this moment would take first; ties go to the earlier shard. A
   * fuller shard that is not claiming now (its push budget spent, its host down) keeps nothing back.
   */
  room(member: PoolMember): number {
    const { slots, prefetch, maxTasks } = this.limits;
    let free = slots + prefetch - this.held();
    if (maxTasks > 0) free = Math.min(free, maxTasks - this.claimed);
    const me = this.members.indexOf(member);
    for (const [index, other] of this.members.entries()) {
      if (other === member || !other.claiming) continue;
      const fuller = other.claimable > member.claimable || (other.claimable === member.claimable && index < me);
      if (fuller) free -= other.claimable;
    }
    return Math.max(0, free);
  }

  /** A slot freed or a claim landed: every worker may start or claim more. */
  wakeAll(): void {
    for (const member of this.members) member.wake();
  }

  touch(): void {
    this.lastActivity = Date.now();
  }
}
