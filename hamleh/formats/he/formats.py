"""Hebrew groups thousands with a comma ("12,400"), as the English and Arabic pages do; Django's Hebrew
formats do not group at all."""

NUMBER_GROUPING = 3
