import { assertPageSize, builder, connectionTypeOptions } from '../graphql/builder.ts';
import { inTransaction, userError, BusinessRuleError, UserErrorRef } from '../graphql/user-errors.ts';

const signedIn = { signedIn: true } as const;

export const NotificationRef = builder.prismaNode('Notification', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'Something a user was told about: a step of a case, a deadline, a decision.',
  id: { field: 'id' },
  // Only the addressee sees a notification.
  authScopes: (notification, ctx) => ctx.viewer.kind === 'user' && ctx.viewer.userId === notification.userId,
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'Machine-readable kind, e.g. "case.registered".' }),
    subject: t.exposeString('subject', { description: 'One-line subject.' }),
    body: t.exposeString('body', { description: 'The message.' }),
    caseId: t.exposeString('caseId', { nullable: true, description: 'Database identifier of the case it is about, if any.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written.' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true, description: 'When the user marked it read; null while unread.' }),
  }),
});

builder.queryFields((t) => ({
  myNotifications: t.prismaConnection(
    {
      type: NotificationRef,
      cursor: 'id',
      authScopes: signedIn,
      description: 'Your notifications, newest first. Needs signing in.',
      args: { unreadOnly: t.arg.boolean({ required: false, description: 'Only unread ones (default false).' }) },
      totalCount: (_parent, args, ctx) => {
        assertPageSize(args);
        if (ctx.viewer.kind !== 'user') return 0;
        return ctx.prisma.notification.count({
          where: { userId: ctx.viewer.userId, ...(args.unreadOnly ? { readAt: null } : {}) },
        });
      },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        if (ctx.viewer.kind !== 'user') return [];
        return ctx.prisma.notification.findMany({
          ...query,
          where: { userId: ctx.viewer.userId, ...(args.unreadOnly ? { readAt: null } : {}) },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        });
      },
    },
    ...connectionTypeOptions('notifications addressed to you'),
  ),
}));

const NotificationMarkReadInput = builder.inputType('NotificationMarkReadInput', {
  description: 'Which notification to mark read.',
  fields: (t) => ({
    notificationId: t.globalID({ required: true, for: NotificationRef, description: 'Global identifier of the notification.' }),
  }),
});

const NotificationMarkReadPayload = builder
  .objectRef<{ notificationId: string | null; userErrors: ReturnType<typeof userError>[] }>('NotificationMarkReadPayload')
  .implement({
    description: 'Result of notificationMarkRead.',
    authScopes: signedIn,
    fields: (t) => ({
      notification: t.prismaField({
        type: NotificationRef,
        nullable: true,
        description: 'The notification, now read; null when nothing changed.',
        resolve: (query, payload, _args, ctx) =>
          payload.notificationId ? ctx.prisma.notification.findUnique({ ...query, where: { id: payload.notificationId } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke.', resolve: (payload) => payload.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  notificationMarkRead: t.field({
    type: NotificationMarkReadPayload,
    authScopes: signedIn,
    description: 'Marks one of your notifications read.',
    args: { input: t.arg({ type: NotificationMarkReadInput, required: true, description: 'The notification.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer;
      const { result, userErrors } = await inTransaction(ctx, async (tx) => {
        const found = viewer.kind === 'user' ? await tx.notification.findFirst({ where: { id: input.notificationId.id, userId: viewer.userId } }) : null;
        if (!found) throw new BusinessRuleError(userError('notificationId', 'NOT_FOUND', 'You have no notification with this id.'));
        await tx.notification.update({ where: { id: found.id }, data: { readAt: found.readAt ?? ctx.now } });
        return found.id;
      });
      return { notificationId: result, userErrors };
    },
  }),
}));
