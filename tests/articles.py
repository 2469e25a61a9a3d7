"""Articles written for the tests (fictional people and events), in the landing input format."""

from __future__ import annotations

HARBOUR = """ date 2024-03-05 BUSINESS
Port of Calder to double its container capacity by 2027
Harbour board says the expansion will create "hundreds of jobs".
Cranes at the Port of Calder at dawn. Photo: Lena Ortiz / Coastline Press
March 5, 2024

The Port of Calder will double its container capacity within three years, the harbour board announced on Tuesday, in a plan that Mayor Helen Marsh called "the biggest investment this city has seen".

"We have waited a decade for this moment," said Tomas Greer, the board's chairman. "Every ship that turns away today is trade we lose to our neighbours."

Greer told reporters the first new berth would open in 2025.

Environmental groups were less enthusiastic. The Calder Wetlands Trust warned that dredging could harm the estuary's bird colonies.

"We are not against jobs, but we are against shortcuts," the trust's director, Amira Okafor, said in a statement.

Marsh said the council would hold public hearings in April.
"""

GARDEN = """ date 2024-06-18 LOCAL
Community garden wins national award
Volunteers in Elmford turned a derelict car park into a vegetable garden.

The Elmford Community Garden has won this year's Green Spaces award, beating 140 other entries from across the country.

"It started with six of us and a pile of rubble," said founder Priya Nandakumar. "Now we feed forty families every week."

The judges praised the garden's rainwater system, which was designed by local engineering students.
"""

COUNCIL = """ date 2024-09-02 POLITICS
Council approves new cycle lanes after heated debate

The city council voted 9-4 on Monday to build twelve kilometres of protected cycle lanes.

Councillor Dev Raman, who proposed the plan, said it was "long overdue". His opponents argued the lanes would hurt shops on Mill Street.

"Our customers come by car," said shop owner Gail Forsythe. "Take away the parking and you take away the trade."

Raman said the council would review the lanes after a year.
"""


def as_bytes(text: str) -> bytes:
    return text.encode("utf-8")
