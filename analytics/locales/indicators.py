"""Short names of the catalogue's indicators (their definitions live in analytics/indicators.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "ind.hours.total": ("Heures travaillées", "Hours worked"),
    "ind.hours.participation": ("Heures de participation", "Participation hours"),
    "ind.hours.participation_share": ("Part de la participation", "Participation share"),
    "ind.capacity.hours": ("Capacité contractuelle", "Contracted capacity"),
    "ind.capacity.load_ratio": ("Charge / capacité", "Load / capacity"),
    "ind.hours.outside_share": ("Part hors 8 h – 19 h", "Share outside 8:00–19:00"),
    "ind.legal.days_over_10h": ("Journées de plus de 10 h", "Days over 10 h"),
    "ind.legal.weeks_over_48h": ("Semaines de plus de 48 h", "Weeks over 48 h"),
    "ind.legal.avg12_over_44h": (
        "Semaines à plus de 44 h en moyenne sur 12", "Weeks averaging over 44 h across 12"
    ),
    "ind.legal.rest_under_11h": ("Repos quotidiens de moins de 11 h", "Daily rests under 11 h"),
    "ind.agents.sustained_overload": ("Agents en surcharge prolongée", "Agents in sustained overload"),
    "ind.engagement.participants": ("Participants distincts", "Distinct participants"),
    "ind.engagement.newcomer_share": ("Part de nouveaux venus", "Newcomer share"),
    "ind.engagement.top10_share": (
        "Part des 10 % les plus actifs", "Share of the most active 10 %"
    ),
    "ind.engagement.gini": ("Indice de Gini de la participation", "Gini of participation"),
    "ind.engagement.retention": ("Fidélisation", "Retention"),
    "ind.engagement.lapsed": ("Participants perdus de vue", "Lapsed participants"),
    "ind.requests.received": ("Sollicitations reçues", "Requests received"),
    "ind.requests.open_at_end": ("Sollicitations en attente", "Requests still open"),
    "ind.requests.median_days_to_close": (
        "Délai médian de réponse", "Median time to close"
    ),
    "ind.representativeness.r_score_quartier": (
        "Représentativité des quartiers (R)", "Neighbourhood representativeness (R)"
    ),
}
