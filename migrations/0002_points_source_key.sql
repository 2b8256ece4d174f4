ALTER TABLE "points_ledger" ADD COLUMN "source_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "points_source_uq" ON "points_ledger" USING btree ("source_key","reason");