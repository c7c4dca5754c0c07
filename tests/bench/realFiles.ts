// The eleven real institutions' FET files (Debian fet-data, paths under its examples folder) that
// bench:real and bench:mip run by default.
export const REAL_FILES = [
  'FET-5-official/India/Chennai/Anna-University/timetable_July_Nov_09_9.fet',
  'FET-5-official/India/Kurukshetra/Institute-of-Technology/MED_2019-20-1.fet',
  'FET-5-official/India/New-Delhi/Eng_College.fet',
  'FET-5-official/India/REVA-University/REVA-UNIVERSITY_JANUARY2016.fet',
  'FET-5-official/Indonesia/TelPolytech-Bandung/2010-2011/TelPolytech_odd.fet',
  'FET-5-official/Indonesia/TelPolytech-Bandung/2010-2011/TelPolytech_even.fet',
  'FET-5-official/Romania/Faculty-Computers-Craiova/Computers-Craiova.fet',
  'FET-5-official/Romania/Faculty-Econ-Timisoara-difficult/2007-2008-sem-2/Econ-Timisoara.fet',
  'FET-5-official/Algeria/Faculte-SNV-BBA/SNV-BBA-2019-2020-S1-VF.fet',
  'FET-5-official/Algeria/Mechanical-Batna_Univ/ET2012-2013-S1.fet',
  'FET-5-official/Germany/secondary-school-2/GYR.fet',
];
