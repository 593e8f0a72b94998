// The slots of one node shared by its workers, one per shard of the grid. Each worker claims, commits and
// heartbeats in its own shard as a single-repository node does; the pool only says how many claims each
// may take now, so that the node never runs more than its slots over all shards nor holds more than each
// shard's prefetch beyond them, and a freed slot wakes the worker of the fullest queue first.
//
// It reserves nothing for the fullest queue: a worker holds a slot back only from the moment it claims until
// its push, and with short tasks a slot is free again long before the next push of any shard. Reserving
// slots for a fuller shard whenever its round overlaps another's costs the others their claims for a whole
// push interval (measured: four shards then drained little more than one).

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
  /** Starts waiting claims while the node's slots allow. */
  startWaiting(): void;
  /** Wakes the worker to look at its queue again at once. */
  wake(): void;
}

export interface PoolLimits {
  slots: number;
  /** 0: no limit. */
  maxTasks: number;
}

export class SlotPool {
  private readonly members: PoolMember[] = [];
  /** Claims taken over all shards, for max-tasks. */
  claimed = 0;
  /** Claims in a push not yet answered: they may land, so no other shard may count on their room. */
  pending = 0;
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

  /**
   * How many claims a worker may take now, within max-tasks: the node's free slots, and beyond them its
   * own prefetch less the claims it holds or has in a push. The slots are shared; the prefetch is each
   * shard's, sized for that shard's turns: a push carries at most the slots and the prefetch, so held
   * against one count for all, four shards would carry no more than one.
   */
  room(member: PoolMember, prefetch: number, pending: number): number {
    const { slots, maxTasks } = this.limits;
    let free = slots + prefetch - this.running() - member.waiting() - pending;
    if (maxTasks > 0) free = Math.min(free, maxTasks - this.claimed - this.pending);
    return Math.max(0, free);
  }

  /**
   * A slot freed: waiting claims of any shard may start in it, and the worker of the fullest queue (at its
   * last look; ties to the earlier shard) looks at once to fill it. The others look at their next round.
   */
  released(): void {
    let fullest: PoolMember | undefined;
    for (const member of this.members) {
      member.startWaiting();
      if (member.claimable > 0 && (!fullest || member.claimable > fullest.claimable)) fullest = member;
    }
    fullest?.wake();
  }

  touch(): void {
    this.lastActivity = Date.now();
  }
}
