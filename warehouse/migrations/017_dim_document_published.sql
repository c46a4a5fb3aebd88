-- The date a document was published or delivered, when its text states it (front matter,
-- dateline, source line, session line); news are dated by it ("今年" is its year).
alter table dim_document add column if not exists published date;
