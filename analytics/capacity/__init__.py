"""Team capacity: the computations behind the director general's page (issue 4).

Each module answers one question of the page, as SQL over the derived tables
(``analytics/sql/capacity/*.sql``) plus small pure functions on the aggregated frames:

==============  =============================================================================
module          question
==============  =============================================================================
load            how loaded is each agent and each service, week by week (hours / capacity)?
work            where does the time go: activity and level over time, participation share,
                the projects that cost the most staff hours and whom they reached
hidden          how much work is hidden (outside 08:00–19:00, weekends, public holidays), and
                which projects and kinds of event cause it; evenings per agent per month
legal           each finding against décret 2000-815 (10 h a day, 48 h a week, 44 h over 12
                weeks, 11 h rest), with agent, date and hours
overload        runs of consecutive weeks over 110 % of capacity (a risk signal)
forecast        the next 12 weeks: recent ordinary load plus planned and active projects,
                against each team's capacity
figures         the plotly figures of the page (pure functions of the frames above)
tables          the same frames as a person reads them (headers, labels, %), to show and download
==============  =============================================================================

Filters are those of the sidebar and mean the same as in the indicator catalogue: the period
``[start, end]`` (inclusive dates), ``service`` (the agents of that service) and ``level`` (the hours
of projects at that level, ``'none'`` for ordinary work; it narrows hours, never capacity).
Nothing here imports Streamlit.
"""
