"""Arbitration: the computations behind the elected officials' page (issue 5).

Officials ask: can we afford this new project, at which level, with which team, starting when? Which
requests do we take on this year? Each module answers one question of the page, as SQL over the
canonical and derived tables (``analytics/sql/arbitration/*.sql``) plus small pure functions:

==============  =============================================================================
module          question
==============  =============================================================================
teams           which teams officials may see: services of fewer than ``min_group_size``
                agents are merged into one "other services" team (hidden if still too small)
effort          what did finished projects cost, by level, perimeter, theme, initiative and
                team; typical (P50) and pessimistic (P80) estimate for a new project from
                comparable ones, with the group used; effort over a project's life by activity
baseline        what each team already carries in the coming months: capacity from contracts,
                public holidays and known absences, recent ordinary work, the remaining hours of
                planned and active projects (one row per team and working day)
simulate        what-if: a team's weekly load with and without a new project (and tentative
                ones), a plain verdict, the highest level and the earliest start that fit
portfolio       which proposed projects, at which level, maximise total priority within each
                team's capacity (exact MILP), what is left out and why
demand          requests received, backlog, time to close, and requests born from projects
context         everything above read at once for a reference day (what loaders cache and the
                ``simulate`` command uses), and the pure steps that answer each click
present         verdicts, reasons and display tables in words, in French or English
figures         the plotly figures of the page (pure functions of the frames above)
==============  =============================================================================

Privacy: officials see teams (services), never agents; nothing here returns an agent's id or name.
Nothing here imports Streamlit.
"""
