-- 0011: a number reserved for a change being made beside this one; it does nothing here. When
-- that change lands, its own 0011 replaces this file.
SELECT 1;
