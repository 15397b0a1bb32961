"""Arabic formats as the site writes them: day, month, year ("7 كانون الأول 2026"), the Arabic comma
before the time ("7 كانون الأول 2026، 14:30"), a 24-hour clock.

Digits are the Latin ones (0–9), as Palestinian newspapers, the organisation's reports and most Arabic
sites in the Levant print them, and as the English and Hebrew pages do: one figure reads the same in
every language. With Latin digits go the Latin point for decimals and the comma for thousands
("1.5", "12,400"); Django's Arabic defaults (a decimal comma, a thousands point) belong to Arabic-Indic
digits and would make "1,5 ك.ب" of a file size.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
