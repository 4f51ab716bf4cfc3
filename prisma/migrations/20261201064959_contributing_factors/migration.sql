-- CreateTable
CREATE TABLE "ContributingFactor" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributingFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostmortemFactor" (
    "postmortemId" TEXT NOT NULL,
    "factorId" TEXT NOT NULL,

    CONSTRAINT "PostmortemFactor_pkey" PRIMARY KEY ("postmortemId","factorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContributingFactor_name_key" ON "ContributingFactor"("name");

-- CreateIndex
CREATE INDEX "PostmortemFactor_factorId_idx" ON "PostmortemFactor"("factorId");

-- AddForeignKey
ALTER TABLE "PostmortemFactor" ADD CONSTRAINT "PostmortemFactor_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemFactor" ADD CONSTRAINT "PostmortemFactor_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "ContributingFactor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The common factors a team starts from (admins rename, archive and add to them).
INSERT INTO "ContributingFactor" ("id", "name", "description", "position", "updatedAt") VALUES
  (gen_random_uuid()::text, 'Change or deploy · 变更发布', 'A code, configuration or infrastructure change set it off. · 代码、配置或基础设施的变更触发了故障。', 1, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Configuration · 配置', 'A setting was wrong, missing or drifted. · 配置错误、缺失或不一致。', 2, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Capacity · 容量', 'Load outgrew a limit: CPU, memory, connections, disk, quotas. · 负载超出了容量上限。', 3, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Dependency · 依赖', 'A service, vendor or library it relies on failed or changed. · 依赖的服务、供应商或库出了问题。', 4, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Data · 数据', 'Bad, missing or unexpected data, or a migration. · 数据异常、缺失或数据迁移。', 5, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Process · 流程', 'A step was skipped, unclear or missing. · 流程缺失、不清楚或被跳过。', 6, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Monitoring gap · 监控缺失', 'Nothing alerted, or the alert came late. · 没有告警或告警太晚。', 7, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Testing gap · 测试缺失', 'No test or environment caught it before production. · 上线前没有测试或环境能发现。', 8, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Expired certificate or credential · 证书凭据过期', 'A certificate, token or key expired or was revoked. · 证书、令牌或密钥过期或被吊销。', 9, CURRENT_TIMESTAMP),
  (gen_random_uuid()::text, 'Hardware or network · 硬件网络', 'A machine, disk or network link failed. · 机器、磁盘或网络链路故障。', 10, CURRENT_TIMESTAMP);
