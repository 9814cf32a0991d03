-- Every sale updates "onHand"; an index on it makes each of those updates write new index entries
-- and rules out heap-only-tuple (HOT) updates, so hot products slowed down as they sold.
-- DropIndex
DROP INDEX "inventory_level_onHand_idx";
