-- AlterTable
ALTER TABLE "Postmortem" ADD COLUMN     "hypothesisVector" tsvector,
ADD COLUMN     "rootCauseVector" tsvector;

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Postmortem_hypothesisVector_idx" ON "Postmortem" USING GIN ("hypothesisVector");

-- CreateIndex
CREATE INDEX "Postmortem_rootCauseVector_idx" ON "Postmortem" USING GIN ("rootCauseVector");

-- The new vectors and the vocabulary are computed in Node (src/server/search/index-postmortem.ts):
-- fill them for existing postmortems with `npm run search:reindex`.
