// Test data for backup tests: at least one row in every application table, with the values
// that are easy to lose on the way (Chinese and emoji, quotes and newlines, NULLs, JSON,
// tsvector with weights, timestamps with milliseconds, enums, booleans, sequences).
import type { SqlConnection } from './sql-connection'

const text = `主从延迟 "quoted" \\ back\\slash\nnew line 🚀 it's`

export async function fillEveryTable(connection: SqlConnection, suffix = '') {
  const q = (sql: string, params: unknown[] = []) => connection.query(sql, params)
  const at = '2026-11-25 08:15:30.123'
  await q(
    `INSERT INTO "User" (id, name, email, "emailVerified", role, "createdAt", "updatedAt") VALUES
      ('u-admin${suffix}', 'Ada 管理员', 'ada${suffix}@example.com', true, 'ADMIN', $1, $1),
      ('u-editor${suffix}', $2, 'eve${suffix}@example.com', false, 'EDITOR', $1, $1)`,
    [at, text],
  )
  await q(
    `INSERT INTO "Account" (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt")
     VALUES ('a1${suffix}', 'u-admin${suffix}', 'credential', 'u-admin${suffix}', 'salt:hash', $1, $1)`,
    [at],
  )
  await q(
    `INSERT INTO "Session" (id, "expiresAt", token, "createdAt", "updatedAt", "ipAddress", "userId")
     VALUES ('s1${suffix}', '2027-01-01 00:00:00', 'tok${suffix}', $1, $1, NULL, 'u-admin${suffix}')`,
    [at],
  )
  await q(
    `INSERT INTO "Verification" (id, identifier, value, "expiresAt", "createdAt", "updatedAt")
     VALUES ('v1${suffix}', 'reset', 'x', $1, $1, $1)`,
    [at],
  )
  await q(
    `INSERT INTO "ApiToken" (id, name, "tokenHash", "createdById", "createdAt")
     VALUES ('t1${suffix}', 'deploy', 'hash${suffix}', 'u-admin${suffix}', $1)`,
    [at],
  )
  await q(
    `INSERT INTO "AccountLink" (id, kind, "tokenHash", "userId", "createdAt", "expiresAt", "usedAt")
     VALUES ('al1${suffix}', 'INVITE', 'linkhash${suffix}', 'u-editor${suffix}', $1, $1, NULL)`,
    [at],
  )
  await q(`INSERT INTO "Tag" (id, name) VALUES ('tag1${suffix}', '上线${suffix}')`)
  await q(`INSERT INTO "Service" (id, name) VALUES ('svc1${suffix}', 'mysql${suffix}')`)
  await q(
    `INSERT INTO "Launch" (id, slug, name, status, "plannedAt", "createdAt", "updatedAt")
     VALUES ('l1${suffix}', 'mobile-1-1${suffix}', '移动联盟 1.1', 'IN_REVIEW', $1, $1, $1)`,
    [at],
  )
  // One postmortem numbered by the sequence, one with an explicit number above it.
  await q(
    `INSERT INTO "Postmortem" (id, title, status, severity, "launchId", "occurredAt", symptom, "rootCause",
       "rootCauseCategory", "resolutionKind", "metricBefore", "metricAfter", version, "publishedAt",
       "createdById", "updatedById", "createdAt", "updatedAt", "searchVector")
     VALUES ('pm1${suffix}', '老用户福利初始化脚本执行过慢', 'PUBLISHED', 'SEV2', 'l1${suffix}', $1, $2,
       'uid 没有建索引', 'SCHEMA', 'TEMPORARY', '0.6/s', '80/s', 3, $1, 'u-admin${suffix}', 'u-editor${suffix}', $1, $1,
       setweight(to_tsvector('simple', '老用 用户 索引'), 'A') || to_tsvector('simple', 'uid index'))`,
    [at, text],
  )
  await q(
    `INSERT INTO "Postmortem" (id, number, title, "createdAt", "updatedAt")
     VALUES ('pm2${suffix}', (SELECT max(number) + 40 FROM "Postmortem"), 'Draft with defaults', $1, $1)`,
    [at],
  )
  await q(
    `INSERT INTO "PostmortemAuthor" VALUES ('pm1${suffix}', 'u-admin${suffix}'), ('pm1${suffix}', 'u-editor${suffix}')`,
  )
  await q(`INSERT INTO "PostmortemTag" VALUES ('pm1${suffix}', 'tag1${suffix}')`)
  await q(`INSERT INTO "PostmortemService" VALUES ('pm1${suffix}', 'svc1${suffix}')`)
  await q(
    `INSERT INTO "ContributingFactor" (id, name, description, position, "archivedAt", "createdAt", "updatedAt")
     VALUES ('f1${suffix}', $1, $2, 99, $3, $3, $3)`,
    [`配置漂移 ${suffix}`, text, at],
  )
  await q(`INSERT INTO "PostmortemFactor" VALUES ('pm1${suffix}', 'f1${suffix}')`)
  // Derived, but kept: a restored database need not compare every incident again.
  await q(
    `INSERT INTO "PostmortemRepeat" ("postmortemId", "earlierId", coverage, shared)
     VALUES ('pm2${suffix}', 'pm1${suffix}', 0.625, $1)`,
    [['索引', 'index, "quoted"', '']],
  )
  await q(
    `INSERT INTO "Hypothesis" (id, "postmortemId", position, statement, status, evidence) VALUES
      ('h1${suffix}', 'pm1${suffix}', 0, '主从问题', 'ELIMINATED', '查主库依然 0.6/s'),
      ('h2${suffix}', 'pm1${suffix}', 1, '索引问题', 'CONFIRMED', $1)`,
    [text],
  )
  await q(
    `INSERT INTO "TimelineEntry" (id, "postmortemId", position, at, kind, text, "hypothesisId") VALUES
      ('te1${suffix}', 'pm1${suffix}', 0, $1, 'ATTEMPT', '改查 152 主库', 'h1${suffix}'),
      ('te2${suffix}', 'pm1${suffix}', 1, NULL, 'RESULT', 'still 0.6/s', NULL)`,
    [at],
  )
  await q(
    `INSERT INTO "OpenQuestion" (id, "postmortemId", position, text, answer)
     VALUES ('oq1${suffix}', 'pm1${suffix}', 0, '为什么测试环境两个小时就完成？', NULL)`,
  )
  await q(
    `INSERT INTO "Lesson" (id, "postmortemId", position, text)
     VALUES ('le1${suffix}', 'pm1${suffix}', 0, '上线前在生产规模的数据上执行初始化脚本并查看执行计划')`,
  )
  await q(
    `INSERT INTO "ActionItem" (id, "postmortemId", position, title, "ownerId", "dueDate", status, link)
     VALUES ('ai1${suffix}', 'pm1${suffix}', 0, '给 uid 加永久索引', 'u-editor${suffix}', $1, 'IN_PROGRESS', 'https://example.com/1')`,
    [at],
  )
  await q(
    `INSERT INTO "ActionItem" (id, "postmortemId", position, title, "ownerId", "dueDate", status, "doneAt",
       "evidenceBefore", "evidenceAfter", "closedById", "closedAt")
     VALUES ('ai2${suffix}', 'pm1${suffix}', 1, '重建缓存', 'u-editor${suffix}', $1, 'DONE', $1, '0.6/s', '80/s', 'u-editor${suffix}', $1)`,
    [at],
  )
  await q(
    `INSERT INTO "DuePolicy" (severity, "dueDays", "evidenceRequired", "updatedAt", "updatedById")
     VALUES ('SEV1', 7, true, $1, 'u-admin${suffix}') ON CONFLICT (severity) DO NOTHING`,
    [at],
  )
  await q(
    `INSERT INTO "Revision" (id, "postmortemId", version, "authorId", "createdAt", snapshot) VALUES
      ('r1${suffix}', 'pm1${suffix}', 2, 'u-admin${suffix}', $1, $2::jsonb),
      ('r2${suffix}', 'pm1${suffix}', 3, 'u-editor${suffix}', $1, $3::jsonb)`,
    [
      at,
      JSON.stringify({
        status: 'PUBLISHED',
        document: { title: '老用户', tags: ['上线'], n: 1.5, none: null },
      }),
      JSON.stringify({ status: 'PUBLISHED', document: { title: text, nested: { list: [1, 'два', true] } } }),
    ],
  )
  // A postmortem's shared document (Yjs updates): bytes, with a NUL, a backslash and bytes above 0x7f.
  await q(
    `INSERT INTO "DocumentUpdate" ("postmortemId", "update", origin, "createdAt") VALUES
      ('pm1${suffix}', '\\x0001ff5c270a'::bytea, 'seed', $1),
      ('pm1${suffix}', '\\x'::bytea, 'user:u-editor${suffix}', $1)`,
    [at],
  )
  await q(
    `INSERT INTO "DocumentState" ("postmortemId", version, snapshot, "createdAt")
     VALUES ('pm1${suffix}', 3, '\\x00ff00'::bytea, $1)`,
    [at],
  )
  await q(
    `INSERT INTO "PendingVersion" ("postmortemId", document, "baseVersion", "updatedById", "updatedAt")
     VALUES ('pm1${suffix}', $2::jsonb, 3, 'u-editor${suffix}', $1)`,
    [at, JSON.stringify({ title: '下一版', tags: ['上线'] })],
  )
  await q(
    `INSERT INTO "ChecklistTemplate" (id, name, description, version, "createdAt", "updatedAt")
     VALUES ('ct1${suffix}', '上线检查', 'Before every launch', 2, $1, $1)`,
    [at],
  )
  await q(
    `INSERT INTO "ChecklistItem" (id, "templateId", position, text, rationale, category, required, "createdAt", "updatedAt", "searchVector")
     VALUES ('ci1${suffix}', 'ct1${suffix}', 0, '在生产规模数据上执行初始化脚本', '0.6/s vs 80/s', 'data', true, $1, $1,
       to_tsvector('simple', '生产 规模'))`,
    [at],
  )
  await q(
    `INSERT INTO "ChecklistItemSource" ("checklistItemId", "lessonId", "createdAt") VALUES ('ci1${suffix}', 'le1${suffix}', $1)`,
    [at],
  )
  await q(
    `INSERT INTO "LaunchCheck" (id, "launchId", "checklistItemId", "checklistItemVersion", position, text, "ownerId",
       status, evidence, "waiverReason", "checkedById", "checkedAt", "createdAt", "updatedAt")
     VALUES ('lc1${suffix}', 'l1${suffix}', 'ci1${suffix}', 1, 0, '在生产规模数据上执行初始化脚本', 'u-editor${suffix}',
       'WAIVED', 'EXPLAIN 截图', 'no data yet', 'u-admin${suffix}', $1, $1, $1)`,
    [at],
  )
  await q(
    `INSERT INTO "LaunchSubCheck" (id, "checkId", position, label, done, "doneById", "doneAt") VALUES
      ('sc1${suffix}', 'lc1${suffix}', 0, 'user_log_1', true, 'u-admin${suffix}', $1),
      ('sc2${suffix}', 'lc1${suffix}', 1, 'user_log_2', false, NULL, NULL)`,
    [at],
  )
  // The typo-correction vocabulary (filled in Node by index-postmortem.ts, no foreign key).
  await q(
    `INSERT INTO "SearchWord" (word) VALUES ('索引${suffix}'), ('replication${suffix}'), ('uid${suffix}')`,
  )
  // Which build of the search documents the database holds (one row per database).
  await q(
    `INSERT INTO "SearchIndex" (id, version, "builtAt") VALUES (1, 1, $1) ON CONFLICT (id) DO NOTHING`,
    [at],
  )
  await q(
    `INSERT INTO "AuditEvent" (at, "actorId", "actorName", "actorEmail", action, target, detail, address) VALUES
      ($1, 'u-admin${suffix}', 'Ada 管理员', 'ada${suffix}@example.com', 'token-created', 't1${suffix}', $2, '203.0.113.7'),
      ($1, NULL, '', '', 'sign-in-refused', NULL, '', NULL)`,
    [at, text],
  )
  // Notifications: an outbox event (JSON payload), a webhook endpoint (text[] of events) and
  // its delivery, and an e-mail delivery to a person.
  await q(
    `INSERT INTO "NotificationEvent" (id, type, subject, "dedupeKey", payload, "createdAt") VALUES
      ('ne1${suffix}', 'action-item-assigned', 'action-item:a1', 'k1${suffix}', $2::jsonb, $1)`,
    [at, JSON.stringify({ title: text, number: 1 })],
  )
  await q(
    `INSERT INTO "WebhookEndpoint" (id, url, secret, events, enabled, description, "createdAt") VALUES
      ('we1${suffix}', 'https://hooks.example.com/hindsight', 's3cret', ARRAY['action-item-assigned', 'postmortem-published'], true, '机器人', $1)`,
    [at],
  )
  await q(
    `INSERT INTO "NotificationDelivery" (id, "eventId", channel, "endpointId", "userId", status, attempts,
       "nextAttemptAt", "lastAttemptAt", "responseCode", "responseExcerpt", "createdAt") VALUES
      ('nd1${suffix}', 'ne1${suffix}', 'WEBHOOK', 'we1${suffix}', NULL, 'DELIVERED', 2, $1, $1, 200, 'ok', $1),
      ('nd2${suffix}', 'ne1${suffix}', 'EMAIL', NULL, 'u-editor${suffix}', 'PENDING', 0, $1, NULL, NULL, NULL, $1)`,
    [at],
  )
  // Comments (decision 024): a resolved thread with its anchors as bytes, two comments, a mention.
  await q(
    `INSERT INTO "CommentThread" (id, "postmortemId", field, "itemId", "anchorStart", "anchorEnd", quote,
       "createdById", "createdAt", "resolvedAt", "resolvedById") VALUES
      ('ct1${suffix}', 'pm1${suffix}', 'rootCause', NULL, '\\x0001c8d2f3a10400'::bytea, '\\x0001c8d2f3a10bff'::bytea,
       '没有建索引', 'u-editor${suffix}', $1, $1, 'u-admin${suffix}')`,
    [at],
  )
  await q(
    `INSERT INTO "Comment" (id, "threadId", "authorId", body, "createdAt") VALUES
      ('cm1${suffix}', 'ct1${suffix}', 'u-editor${suffix}', $2, $1),
      ('cm2${suffix}', 'ct1${suffix}', NULL, '**已加索引**', $1)`,
    [at, `@Ada 管理员 ${text}`],
  )
  await q(`INSERT INTO "CommentMention" ("commentId", "userId") VALUES ('cm1${suffix}', 'u-admin${suffix}')`)
  // The launch's services and tags, and a proposal dismissed at its review.
  await q(`INSERT INTO "LaunchTag" VALUES ('l1${suffix}', 'tag1${suffix}')`)
  await q(`INSERT INTO "LaunchService" VALUES ('l1${suffix}', 'svc1${suffix}')`)
  await q(
    `INSERT INTO "LaunchProposalDismissal" (id, "launchId", "checklistItemId", reason, "byId", "createdAt")
     VALUES ('lpd1${suffix}', 'l1${suffix}', 'ci1${suffix}', '本次上线不涉及数据库 (no database change)', 'u-editor${suffix}', $1)`,
    [at],
  )
}
