-- Worker heartbeats (issue 12): each order-event worker pool writes now() here every few seconds; a
-- worker whose row goes stale is dead, and the others hand its locked jobs back to the queue with
-- graphile_worker.force_unlock_workers instead of waiting for graphile-worker's 4-hour lock timeout.
-- See docs/adr/0009-worker-heartbeats.md.

-- CreateTable
CREATE TABLE "worker_heartbeat" (
    "workerId" TEXT NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_heartbeat_pkey" PRIMARY KEY ("workerId")
);
