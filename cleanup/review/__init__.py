"""Human review of the change log: decisions that are recorded, replayed and never applied blindly.

* ``decisions`` — the decisions file (JSON Lines) and the stable id of each change;
* ``relocate`` — find a decided change again in a text that was edited since the review;
* ``replay`` — apply exactly the accepted (and edited) decisions to a text;
* ``session`` — the state of one review: what is offered, what was decided, the text it implies;
* ``interactive`` — the ``git add -p``-style prompt loop over a session;
* ``hunks`` — diffs of what ``fix`` would change, each hunk naming the rules and entries behind it.
"""
