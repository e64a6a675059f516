"""The Engagement page's computations (evaluators): is participation reaching new people, is it
always the same ones, is volunteers' engagement eroding, is the public representative of the town?

Modules, one per section of the page (each pure: SQL over the derived tables ``participant_activity``,
``participation_buckets``, ``participation_cohorts``, ``participation_ranks``, ``event_attendance``
and the canonical tables, plus small numpy/scipy functions; nothing here imports Streamlit):

* :mod:`.scope` — the period and filters every computation takes, and the time windows;
* :mod:`.headline` — the counts behind the headline figures, in one query, and the formulas of the
  catalogue's engagement indicators over them (:func:`.headline.catalogue_values`, which
  :func:`analytics.indicators.compute_indicators` calls);
* small-group suppression: :mod:`analytics.disclosure` (the one rule for every protected view);
* :mod:`.rotation` — distinct participants per quarter/year, newcomers vs returning, frequency classes;
* :mod:`.concentration` — top-10 % share, Gini, Lorenz curve;
* :mod:`.cohorts` — retention by year of first participation, Kaplan–Meier engagement survival;
* :mod:`.fatigue` — lapsed participants, volunteers' risk signals, attendance-per-event trends;
* :mod:`.representativeness` — participants against the population table;
* :mod:`.milestones` — the timeline of milestones (cailloux blancs) beside participation;
* :mod:`.page` — the overview above the tabs, and each section's numbers computed on their own
  (what the loaders cache: only the open tab's are computed);
* :mod:`.figures` — pure plotly figures; :mod:`.report` — the downloadable HTML report.
"""
