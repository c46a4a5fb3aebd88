-- gwr review's account of the decisions: every decision's status (v_review_decisions), the
-- latest first, for the home page and `gwr review status`.
select * from v_review_decisions
order by decided_at desc, decision_id
