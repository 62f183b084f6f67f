"""Goals and fit: how each application sits against the goals the person keeps.

The goals themselves are written on the wellbeing goals page (and seeded by the Ikigai
worksheet); this app reads them and judges jobs against them (``fit``), and notices,
kindly, when many applications miss them (``notes``).
"""
