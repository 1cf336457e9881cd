-- 0012: a number reserved for a change being made beside this one; it does nothing here. When
-- that change lands, its own 0012 replaces this file.
SELECT 1;
