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


# A fortnight of news from the fictional city of Calder, across sections, with recurring speakers and
# entities: enough for the analysts' reports to show rankings, weekly trends and co-mentions.
FERRY = """ date 2024-06-10 BUSINESS
Calder ferry operator orders two electric vessels
Harbour Lines says the new ferries will halve crossing times to Elmford.

Harbour Lines has ordered two battery-powered ferries for the Calder to Elmford crossing, the company said on Monday.

"This is the cleanest way to move people across the bay," said chief executive Nadia Brandt. "Our passengers asked for it and we listened."

Mayor Helen Marsh welcomed the order and said the Port of Calder would install charging points at the ferry terminal.

Tomas Greer, chairman of the harbour board, said the berths would be ready by the spring.
"""

FLOODS = """ date 2024-06-11 LOCAL
Flood barriers go up along the Calder river
Residents of Elmford brace for the highest spring tide in a decade.

Council workers spent Tuesday building temporary flood barriers along the Calder river as forecasters predicted the highest tide in ten years.

"We are ready, but nobody should take chances tonight," said Mayor Helen Marsh. "Move your cars away from the embankment."

Priya Nandakumar, who runs the Elmford Community Garden, said volunteers had filled four hundred sandbags since the weekend.

The Calder Wetlands Trust said the estuary would absorb much of the water.
"""

BUDGET = """ date 2024-06-12 POLITICS
Calder council delays vote on the city budget
Opposition councillors say the spending plan ignores the harbour districts.

The Calder city council postponed its budget vote on Wednesday after a five-hour session ended without agreement.

"This budget forgets half the city," said Councillor Dev Raman. "The harbour districts pay their share and get nothing back."

Mayor Helen Marsh said the council would meet again next week. "We will find a budget that works for every district," she said.

The vote is now expected on June 19.
"""

REGATTA = """ date 2024-06-15 SPORT
Elmford rowers win the Calder regatta
The home crew beat six visiting clubs on a windy bay.

The Elmford Rowing Club won the Calder regatta on Saturday, finishing two lengths ahead of the Port Ansel crew.

"The wind was brutal, but we trained for days like this," said captain Joel Mensah.

Mayor Helen Marsh presented the trophy at the harbour steps and promised the club a new boathouse.
"""

BUDGET_VOTE = """ date 2024-06-19 POLITICS
Calder council passes budget with new money for the harbour districts
The revised plan adds a fund for repairs in the districts hit by the floods.

The Calder city council approved a revised budget on Wednesday by eleven votes to two.

"The harbour districts have been heard," said Councillor Dev Raman, who had led the opposition to the first draft.

Mayor Helen Marsh said the repair fund would open to applications in July. "Every family hit by the floods should apply," she said.

The Calder Wetlands Trust welcomed money set aside for the estuary.
"""

MARKET = """ date 2024-06-21 BUSINESS
Harbour Lines profits rise as ferry traffic recovers
The operator reports its best half-year since the pandemic.

Harbour Lines said on Friday that profits rose by a third in the first half of the year as more commuters returned to the Calder ferries.

"Passengers are coming back faster than we planned," said chief executive Nadia Brandt.

The company said the two electric ferries ordered this month would enter service in 2026.

Tomas Greer of the harbour board said the Port of Calder would benefit from the extra traffic.
"""

GARDEN_FAIR = """ date 2024-06-23 LOCAL
Thousands visit the Elmford garden fair
The award-winning community garden opened its gates for a summer fair.

More than three thousand people visited the Elmford Community Garden on Sunday for its first summer fair.

"We never imagined this many people would come," said founder Priya Nandakumar. "The award changed everything for us."

Mayor Helen Marsh opened the fair and praised the volunteers who rebuilt the garden after the floods.
"""

STADIUM = """ date 2024-06-12 SPORT
Calder City to stay at the harbour stadium
The football club signs a new twenty-year lease with the council.

Calder City Football Club will play at the harbour stadium until 2044 after signing a new lease on Wednesday.

"The harbour is our home and our fans never wanted to leave it," said club chairman Ruth Adeyemi.

Councillor Dev Raman said the lease would bring the council more than a million pounds a year.
"""

LIBRARY = """ date 2024-06-19 LOCAL
Elmford library reopens after the floods
Volunteers saved most of the books from the flooded basement.

The Elmford public library reopened on Wednesday, a week after flood water filled its basement.

"Nine books in ten were saved because people came with boxes and cars," said librarian Owen Petrakis.

Priya Nandakumar said the community garden would host reading mornings for children over the summer.
"""

# file name -> text of each article of the fortnight above
FORTNIGHT = {
    "2024-06-10-ferry.txt": FERRY,
    "2024-06-11-floods.txt": FLOODS,
    "2024-06-12-budget.txt": BUDGET,
    "2024-06-12-stadium.txt": STADIUM,
    "2024-06-15-regatta.txt": REGATTA,
    "2024-06-19-budget-vote.txt": BUDGET_VOTE,
    "2024-06-19-library.txt": LIBRARY,
    "2024-06-21-market.txt": MARKET,
    "2024-06-23-garden-fair.txt": GARDEN_FAIR,
}


def as_bytes(text: str) -> bytes:
    return text.encode("utf-8")


# An earlier and a later article naming one person two ways (tests/e2e/test_people_identity.py).
COMEY_FIRST = """ date 2024-05-02 POLITICS
Former FBI director to testify before Senate panel
The hearing is set for next week.

James Comey, the former director of the FBI, will testify before the Senate Intelligence Committee next week, committee aides said on Thursday.

"He looks forward to the opportunity," said Daniel Richman, a friend of Comey and a law professor at Columbia University.
"""

COMEY_SECOND = """ date 2024-05-09 POLITICS
Comey tells senators he was fired over investigation
Testimony lasted nearly three hours.

James B. Comey told the Senate Intelligence Committee on Thursday that he had been fired because of the investigation he led.

"I was fired because of the Russia investigation," Mr. Comey said.
"""
