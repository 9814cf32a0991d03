import { DomainError } from "../errors.ts";
import {
  BulkTransitionInput,
  CancelOrderInput,
  CreateOrderInput,
  OrderIdInput,
  OrderListInput,
  OrderPageInput,
  OrdersByUserInput,
  TransitionOrderInput,
} from "../schemas/order.ts";
import {
  cancelOrder,
  createOrder,
  getOrderFor,
  listOrders,
  listOrdersOfUser,
  transitionOrder,
} from "../services/orders.ts";
import { createTRPCRouter, customerProcedure, staffProcedure } from "../trpc.ts";

export const orderRouter = createTRPCRouter({
  /** Places an order for the signed-in shopper; prices, totals and status always come from the server. */
  create: customerProcedure.input(CreateOrderInput).mutation(async ({ ctx, input }) => {
    await ctx.limits.consumeOrder(ctx.user.id);
    const { order } = await createOrder(ctx.db, { ...input, userId: ctx.user.id }, ctx.user);
    return order;
  }),

  byId: customerProcedure
    .input(OrderIdInput)
    .query(({ ctx, input }) => getOrderFor(ctx.db, input.id, ctx.user)),

  listMine: customerProcedure
    .input(OrderPageInput)
    .query(({ ctx, input }) => listOrdersOfUser(ctx.db, ctx.user.id, ctx.user, input)),

  listByUser: customerProcedure
    .input(OrdersByUserInput)
    .query(({ ctx, input }) => listOrdersOfUser(ctx.db, input.userId, ctx.user, input)),

  cancel: customerProcedure.input(CancelOrderInput).mutation(async ({ ctx, input }) => {
    const { order } = await cancelOrder(ctx.db, input.id, ctx.user, input.note);
    ctx.audit.record({
      action: "order.cancel",
      entity: "order",
      entityId: order.id,
      after: { status: order.status, note: input.note },
    });
    return order;
  }),

  list: staffProcedure.input(OrderListInput).query(({ ctx, input }) => listOrders(ctx.db, input)),

  /**
   * Moves many orders at once where no per-order input is needed (mark paid, mark delivered). Orders
   * that cannot move are reported, not fatal: the others still change, each with its audit row.
   */
  bulkTransition: staffProcedure.input(BulkTransitionInput).mutation(async ({ ctx, input }) => {
    const results: { id: string; ok: boolean; error?: string }[] = [];
    for (const id of input.ids) {
      try {
        const { before, after } = await transitionOrder(
          ctx.db,
          { id, to: input.to, note: input.note },
          ctx.user,
        );
        ctx.audit.record({
          action: "order.transition",
          entity: "order",
          entityId: id,
          before: { status: before.status },
          after: { status: after.status, note: input.note },
        });
        results.push({ id, ok: true });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, ok: false, error: error.message });
      }
    }
    return { results, changed: results.filter((r) => r.ok).length };
  }),

  transition: staffProcedure.input(TransitionOrderInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await transitionOrder(ctx.db, input, ctx.user);
    ctx.audit.record({
      action: "order.transition",
      entity: "order",
      entityId: after.id,
      before: { status: before.status },
      after: { status: after.status, trackingNumber: after.trackingNumber, note: input.note },
    });
    return after;
  }),
});
