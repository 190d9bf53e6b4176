/* portal-seed-data.c: Dutch reference data for places and synthetic CVs
 *
 * Municipalities with the coordinates of their main town (WGS84, rounded)
 * and rough populations; ISCO-08 coded occupations with typical skills.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "portal-seed-data.h"

#include <string.h>

const PortalPlace portal_places[] = {
  /* Noord-Holland */
  { "Amsterdam", "Noord-Holland", 52.3730, 4.8924, 920 },
  { "Haarlem", "Noord-Holland", 52.3874, 4.6462, 163 },
  { "Haarlemmermeer", "Noord-Holland", 52.3030, 4.6890, 160 },
  { "Zaanstad", "Noord-Holland", 52.4389, 4.8258, 157 },
  { "Alkmaar", "Noord-Holland", 52.6324, 4.7534, 110 },
  { "Amstelveen", "Noord-Holland", 52.3114, 4.8701, 91 },
  { "Hilversum", "Noord-Holland", 52.2292, 5.1669, 92 },
  { "Purmerend", "Noord-Holland", 52.5050, 4.9597, 92 },
  { "Hoorn", "Noord-Holland", 52.6425, 5.0597, 74 },
  { "Velsen", "Noord-Holland", 52.4600, 4.6260, 69 },
  { "Gooise Meren", "Noord-Holland", 52.2733, 5.1611, 58 },
  { "Den Helder", "Noord-Holland", 52.9563, 4.7600, 56 },
  { "Schagen", "Noord-Holland", 52.7870, 4.7990, 47 },
  { "Medemblik", "Noord-Holland", 52.7710, 5.1060, 45 },
  { "Edam-Volendam", "Noord-Holland", 52.4990, 5.0480, 36 },
  { "Zandvoort", "Noord-Holland", 52.3710, 4.5330, 17 },
  { "Heemstede", "Noord-Holland", 52.3500, 4.6070, 27 },
  { "Bloemendaal", "Noord-Holland", 52.4050, 4.6270, 23 },
  { "Beverwijk", "Noord-Holland", 52.4830, 4.6570, 42 },
  { "Heemskerk", "Noord-Holland", 52.5110, 4.6700, 39 },
  { "Castricum", "Noord-Holland", 52.5480, 4.6690, 36 },
  { "Uithoorn", "Noord-Holland", 52.2380, 4.8260, 31 },
  { "Aalsmeer", "Noord-Holland", 52.2640, 4.7620, 32 },
  { "Diemen", "Noord-Holland", 52.3400, 4.9620, 30 },
  { "Huizen", "Noord-Holland", 52.2990, 5.2410, 41 },
  { "Heiloo", "Noord-Holland", 52.6020, 4.7040, 24 },
  { "Enkhuizen", "Noord-Holland", 52.7030, 5.2920, 18 },
  { "Laren", "Noord-Holland", 52.2570, 5.2270, 11 },
  /* Zuid-Holland */
  { "Rotterdam", "Zuid-Holland", 51.9225, 4.4792, 670 },
  { "Den Haag", "Zuid-Holland", 52.0705, 4.3007, 560 },
  { "Zoetermeer", "Zuid-Holland", 52.0575, 4.4931, 126 },
  { "Leiden", "Zuid-Holland", 52.1601, 4.4970, 125 },
  { "Dordrecht", "Zuid-Holland", 51.8133, 4.6901, 120 },
  { "Alphen aan den Rijn", "Zuid-Holland", 52.1292, 4.6575, 112 },
  { "Westland", "Zuid-Holland", 51.9930, 4.2090, 112 },
  { "Delft", "Zuid-Holland", 52.0116, 4.3571, 104 },
  { "Nissewaard", "Zuid-Holland", 51.8450, 4.3290, 85 },
  { "Schiedam", "Zuid-Holland", 51.9192, 4.3886, 79 },
  { "Leidschendam-Voorburg", "Zuid-Holland", 52.0833, 4.3900, 77 },
  { "Gouda", "Zuid-Holland", 52.0115, 4.7105, 74 },
  { "Vlaardingen", "Zuid-Holland", 51.9125, 4.3419, 74 },
  { "Capelle aan den IJssel", "Zuid-Holland", 51.9292, 4.5775, 67 },
  { "Katwijk", "Zuid-Holland", 52.2034, 4.3990, 66 },
  { "Lansingerland", "Zuid-Holland", 51.9930, 4.4870, 63 },
  { "Pijnacker-Nootdorp", "Zuid-Holland", 52.0190, 4.4290, 56 },
  { "Rijswijk", "Zuid-Holland", 52.0363, 4.3250, 57 },
  { "Zwijndrecht", "Zuid-Holland", 51.8150, 4.6330, 45 },
  { "Ridderkerk", "Zuid-Holland", 51.8720, 4.6000, 47 },
  { "Gorinchem", "Zuid-Holland", 51.8350, 4.9740, 38 },
  { "Hellevoetsluis", "Zuid-Holland", 51.8330, 4.1330, 40 },
  { "Goeree-Overflakkee", "Zuid-Holland", 51.7560, 4.1690, 51 },
  { "Hoeksche Waard", "Zuid-Holland", 51.8240, 4.4120, 88 },
  { "Barendrecht", "Zuid-Holland", 51.8570, 4.5340, 49 },
  { "Krimpen aan den IJssel", "Zuid-Holland", 51.9160, 4.5940, 29 },
  { "Krimpenerwaard", "Zuid-Holland", 51.9470, 4.8490, 56 },
  { "Hendrik-Ido-Ambacht", "Zuid-Holland", 51.8440, 4.6390, 31 },
  { "Papendrecht", "Zuid-Holland", 51.8320, 4.6870, 32 },
  { "Sliedrecht", "Zuid-Holland", 51.8220, 4.7730, 25 },
  { "Alblasserdam", "Zuid-Holland", 51.8650, 4.6610, 20 },
  { "Maassluis", "Zuid-Holland", 51.9230, 4.2500, 33 },
  { "Wassenaar", "Zuid-Holland", 52.1430, 4.4010, 27 },
  { "Voorschoten", "Zuid-Holland", 52.1270, 4.4480, 25 },
  { "Leiderdorp", "Zuid-Holland", 52.1580, 4.5290, 28 },
  { "Oegstgeest", "Zuid-Holland", 52.1800, 4.4690, 25 },
  { "Noordwijk", "Zuid-Holland", 52.2400, 4.4460, 44 },
  { "Lisse", "Zuid-Holland", 52.2580, 4.5570, 23 },
  { "Hillegom", "Zuid-Holland", 52.2910, 4.5830, 22 },
  { "Teylingen", "Zuid-Holland", 52.2250, 4.5230, 38 },
  { "Bodegraven-Reeuwijk", "Zuid-Holland", 52.0820, 4.7500, 35 },
  { "Waddinxveen", "Zuid-Holland", 52.0450, 4.6520, 31 },
  { "Zuidplas", "Zuid-Holland", 51.9680, 4.6160, 45 },
  /* Utrecht */
  { "Utrecht", "Utrecht", 52.0907, 5.1214, 370 },
  { "Amersfoort", "Utrecht", 52.1561, 5.3878, 160 },
  { "Veenendaal", "Utrecht", 52.0286, 5.5589, 67 },
  { "Zeist", "Utrecht", 52.0907, 5.2330, 65 },
  { "Nieuwegein", "Utrecht", 52.0295, 5.0811, 64 },
  { "Stichtse Vecht", "Utrecht", 52.1350, 5.0330, 65 },
  { "Woerden", "Utrecht", 52.0860, 4.8830, 52 },
  { "Houten", "Utrecht", 52.0280, 5.1680, 50 },
  { "Soest", "Utrecht", 52.1740, 5.2920, 47 },
  { "Baarn", "Utrecht", 52.2110, 5.2880, 25 },
  { "Bunschoten", "Utrecht", 52.2430, 5.3750, 22 },
  { "Leusden", "Utrecht", 52.1320, 5.4310, 30 },
  { "IJsselstein", "Utrecht", 52.0200, 5.0430, 34 },
  { "Wijk bij Duurstede", "Utrecht", 51.9740, 5.3420, 24 },
  { "Rhenen", "Utrecht", 51.9590, 5.5680, 20 },
  { "De Bilt", "Utrecht", 52.1300, 5.2010, 43 },
  { "Utrechtse Heuvelrug", "Utrecht", 52.0400, 5.3300, 50 },
  { "De Ronde Venen", "Utrecht", 52.2070, 4.8630, 45 },
  { "Vijfheerenlanden", "Utrecht", 51.9920, 5.0920, 57 },
  /* Noord-Brabant */
  { "Eindhoven", "Noord-Brabant", 51.4416, 5.4697, 240 },
  { "Tilburg", "Noord-Brabant", 51.5555, 5.0913, 225 },
  { "Breda", "Noord-Brabant", 51.5719, 4.7683, 185 },
  { "'s-Hertogenbosch", "Noord-Brabant", 51.6978, 5.3037, 160 },
  { "Helmond", "Noord-Brabant", 51.4817, 5.6611, 93 },
  { "Oss", "Noord-Brabant", 51.7650, 5.5180, 93 },
  { "Roosendaal", "Noord-Brabant", 51.5308, 4.4653, 77 },
  { "Bergen op Zoom", "Noord-Brabant", 51.4949, 4.2911, 68 },
  { "Oosterhout", "Noord-Brabant", 51.6450, 4.8600, 56 },
  { "Heusden", "Noord-Brabant", 51.6850, 5.1330, 45 },
  { "Maashorst", "Noord-Brabant", 51.6600, 5.6170, 60 },
  { "Veldhoven", "Noord-Brabant", 51.4180, 5.4030, 46 },
  { "Etten-Leur", "Noord-Brabant", 51.5700, 4.6370, 44 },
  { "Waalwijk", "Noord-Brabant", 51.6870, 5.0700, 49 },
  { "Land van Cuijk", "Noord-Brabant", 51.7300, 5.8790, 92 },
  { "Best", "Noord-Brabant", 51.5070, 5.3900, 31 },
  { "Son en Breugel", "Noord-Brabant", 51.5150, 5.4930, 17 },
  { "Nuenen", "Noord-Brabant", 51.4700, 5.5520, 23 },
  { "Geldrop-Mierlo", "Noord-Brabant", 51.4220, 5.5590, 40 },
  { "Valkenswaard", "Noord-Brabant", 51.3510, 5.4590, 31 },
  { "Waalre", "Noord-Brabant", 51.3870, 5.4450, 17 },
  { "Eersel", "Noord-Brabant", 51.3580, 5.3180, 20 },
  { "Bladel", "Noord-Brabant", 51.3680, 5.2200, 21 },
  { "Oirschot", "Noord-Brabant", 51.5050, 5.3130, 19 },
  { "Boxtel", "Noord-Brabant", 51.5910, 5.3290, 31 },
  { "Vught", "Noord-Brabant", 51.6530, 5.2870, 32 },
  { "Sint-Michielsgestel", "Noord-Brabant", 51.6410, 5.3540, 29 },
  { "Meierijstad", "Noord-Brabant", 51.6170, 5.5490, 82 },
  { "Bernheze", "Noord-Brabant", 51.7330, 5.5330, 31 },
  { "Gemert-Bakel", "Noord-Brabant", 51.5570, 5.6910, 31 },
  { "Deurne", "Noord-Brabant", 51.4620, 5.7960, 32 },
  { "Asten", "Noord-Brabant", 51.4040, 5.7480, 17 },
  { "Someren", "Noord-Brabant", 51.3850, 5.7110, 19 },
  { "Dongen", "Noord-Brabant", 51.6270, 4.9390, 26 },
  { "Goirle", "Noord-Brabant", 51.5200, 5.0670, 24 },
  { "Oisterwijk", "Noord-Brabant", 51.5790, 5.1890, 33 },
  { "Loon op Zand", "Noord-Brabant", 51.6560, 5.0440, 23 },
  { "Geertruidenberg", "Noord-Brabant", 51.7010, 4.8570, 22 },
  { "Moerdijk", "Noord-Brabant", 51.6450, 4.6060, 37 },
  { "Halderberge", "Noord-Brabant", 51.5890, 4.5270, 30 },
  { "Zundert", "Noord-Brabant", 51.4700, 4.6560, 22 },
  { "Woensdrecht", "Noord-Brabant", 51.4290, 4.3030, 22 },
  { "Steenbergen", "Noord-Brabant", 51.5840, 4.3190, 25 },
  /* Gelderland */
  { "Nijmegen", "Gelderland", 51.8126, 5.8372, 180 },
  { "Apeldoorn", "Gelderland", 52.2112, 5.9699, 165 },
  { "Arnhem", "Gelderland", 51.9851, 5.8987, 165 },
  { "Ede", "Gelderland", 52.0402, 5.6649, 120 },
  { "Doetinchem", "Gelderland", 51.9650, 6.2886, 58 },
  { "Barneveld", "Gelderland", 52.1400, 5.5850, 60 },
  { "Harderwijk", "Gelderland", 52.3420, 5.6360, 48 },
  { "Zutphen", "Gelderland", 52.1380, 6.2010, 48 },
  { "Tiel", "Gelderland", 51.8860, 5.4290, 42 },
  { "Wageningen", "Gelderland", 51.9690, 5.6650, 40 },
  { "Culemborg", "Gelderland", 51.9550, 5.2270, 30 },
  { "Nijkerk", "Gelderland", 52.2200, 5.4860, 44 },
  { "Zaltbommel", "Gelderland", 51.8100, 5.2490, 30 },
  { "Winterswijk", "Gelderland", 51.9720, 6.7190, 29 },
  { "Renkum", "Gelderland", 51.9870, 5.8310, 31 },
  { "Rheden", "Gelderland", 52.0100, 6.0300, 43 },
  { "Zevenaar", "Gelderland", 51.9300, 6.0710, 44 },
  { "Duiven", "Gelderland", 51.9470, 6.0140, 25 },
  { "Lingewaard", "Gelderland", 51.8900, 5.9000, 47 },
  { "Overbetuwe", "Gelderland", 51.9190, 5.8470, 48 },
  { "Berg en Dal", "Gelderland", 51.8250, 5.9140, 35 },
  { "Wijchen", "Gelderland", 51.8090, 5.7250, 41 },
  { "Druten", "Gelderland", 51.8890, 5.6050, 19 },
  { "Beuningen", "Gelderland", 51.8620, 5.7670, 26 },
  { "Epe", "Gelderland", 52.3480, 5.9840, 33 },
  { "Ermelo", "Gelderland", 52.2990, 5.6220, 27 },
  { "Putten", "Gelderland", 52.2590, 5.6060, 24 },
  { "Elburg", "Gelderland", 52.4470, 5.8350, 23 },
  { "Lochem", "Gelderland", 52.1590, 6.4140, 34 },
  { "Berkelland", "Gelderland", 52.1160, 6.5210, 44 },
  { "Oost Gelre", "Gelderland", 52.0420, 6.6190, 30 },
  { "Aalten", "Gelderland", 51.9250, 6.5810, 27 },
  { "Oude IJsselstreek", "Gelderland", 51.8950, 6.3820, 39 },
  { "Montferland", "Gelderland", 51.9400, 6.1310, 36 },
  { "West Betuwe", "Gelderland", 51.8810, 5.2890, 51 },
  /* Overijssel */
  { "Enschede", "Overijssel", 52.2215, 6.8937, 160 },
  { "Zwolle", "Overijssel", 52.5168, 6.0830, 130 },
  { "Deventer", "Overijssel", 52.2551, 6.1639, 101 },
  { "Hengelo", "Overijssel", 52.2658, 6.7931, 81 },
  { "Almelo", "Overijssel", 52.3567, 6.6625, 73 },
  { "Hardenberg", "Overijssel", 52.5750, 6.6190, 61 },
  { "Kampen", "Overijssel", 52.5550, 5.9110, 54 },
  { "Oldenzaal", "Overijssel", 52.3130, 6.9290, 32 },
  { "Steenwijkerland", "Overijssel", 52.7870, 6.1200, 44 },
  { "Rijssen-Holten", "Overijssel", 52.3090, 6.5160, 38 },
  { "Raalte", "Overijssel", 52.3870, 6.2750, 38 },
  { "Hof van Twente", "Overijssel", 52.2320, 6.5850, 35 },
  { "Haaksbergen", "Overijssel", 52.1560, 6.7390, 24 },
  { "Losser", "Overijssel", 52.2610, 7.0050, 23 },
  { "Wierden", "Overijssel", 52.3590, 6.5930, 25 },
  { "Ommen", "Overijssel", 52.5210, 6.4210, 18 },
  { "Dalfsen", "Overijssel", 52.5110, 6.2590, 29 },
  { "Borne", "Overijssel", 52.3000, 6.7500, 23 },
  /* Flevoland */
  { "Almere", "Flevoland", 52.3508, 5.2647, 220 },
  { "Lelystad", "Flevoland", 52.5185, 5.4714, 80 },
  { "Noordoostpolder", "Flevoland", 52.7110, 5.7480, 48 },
  { "Dronten", "Flevoland", 52.5250, 5.7180, 42 },
  { "Zeewolde", "Flevoland", 52.3310, 5.5410, 23 },
  { "Urk", "Flevoland", 52.6620, 5.6010, 21 },
  /* Friesland */
  { "Leeuwarden", "Friesland", 53.2012, 5.7999, 125 },
  { "Súdwest-Fryslân", "Friesland", 53.0330, 5.6590, 90 },
  { "Smallingerland", "Friesland", 53.1050, 6.0980, 56 },
  { "Heerenveen", "Friesland", 52.9590, 5.9190, 51 },
  { "Harlingen", "Friesland", 53.1740, 5.4230, 16 },
  { "Noardeast-Fryslân", "Friesland", 53.3260, 5.9990, 45 },
  { "Waadhoeke", "Friesland", 53.1870, 5.5410, 47 },
  { "Tytsjerksteradiel", "Friesland", 53.1920, 5.9900, 32 },
  { "Opsterland", "Friesland", 52.9990, 6.0630, 30 },
  { "Ooststellingwerf", "Friesland", 52.9920, 6.2910, 26 },
  { "Weststellingwerf", "Friesland", 52.8750, 6.0010, 26 },
  { "De Fryske Marren", "Friesland", 52.9670, 5.7940, 52 },
  /* Groningen */
  { "Groningen", "Groningen", 53.2194, 6.5665, 235 },
  { "Midden-Groningen", "Groningen", 53.1630, 6.7600, 61 },
  { "Veendam", "Groningen", 53.1070, 6.8790, 28 },
  { "Stadskanaal", "Groningen", 52.9890, 6.9500, 32 },
  { "Eemsdelta", "Groningen", 53.3300, 6.9190, 45 },
  { "Westerkwartier", "Groningen", 53.2470, 6.4050, 64 },
  { "Het Hogeland", "Groningen", 53.3300, 6.5180, 48 },
  { "Oldambt", "Groningen", 53.1440, 7.0350, 38 },
  { "Westerwolde", "Groningen", 52.8760, 7.0680, 26 },
  /* Drenthe */
  { "Emmen", "Drenthe", 52.7792, 6.9069, 107 },
  { "Assen", "Drenthe", 52.9925, 6.5649, 69 },
  { "Hoogeveen", "Drenthe", 52.7225, 6.4764, 55 },
  { "Meppel", "Drenthe", 52.6960, 6.1940, 34 },
  { "Coevorden", "Drenthe", 52.6610, 6.7410, 35 },
  { "Midden-Drenthe", "Drenthe", 52.8630, 6.5120, 33 },
  { "Noordenveld", "Drenthe", 53.1380, 6.4210, 32 },
  /* Limburg */
  { "Maastricht", "Limburg", 50.8514, 5.6910, 122 },
  { "Venlo", "Limburg", 51.3704, 6.1724, 102 },
  { "Sittard-Geleen", "Limburg", 50.9983, 5.8690, 91 },
  { "Heerlen", "Limburg", 50.8882, 5.9795, 87 },
  { "Roermond", "Limburg", 51.1942, 5.9870, 59 },
  { "Weert", "Limburg", 51.2510, 5.7060, 50 },
  { "Kerkrade", "Limburg", 50.8660, 6.0700, 45 },
  { "Venray", "Limburg", 51.5260, 5.9750, 44 },
  { "Horst aan de Maas", "Limburg", 51.4540, 6.0510, 43 },
  { "Peel en Maas", "Limburg", 51.3280, 5.9800, 44 },
  { "Echt-Susteren", "Limburg", 51.1040, 5.8740, 32 },
  { "Stein", "Limburg", 50.9690, 5.7660, 25 },
  { "Meerssen", "Limburg", 50.8870, 5.7520, 19 },
  { "Valkenburg aan de Geul", "Limburg", 50.8650, 5.8320, 16 },
  { "Eijsden-Margraten", "Limburg", 50.7750, 5.7200, 25 },
  { "Brunssum", "Limburg", 50.9470, 5.9710, 28 },
  { "Landgraaf", "Limburg", 50.9070, 6.0290, 37 },
  { "Gennep", "Limburg", 51.6980, 5.9740, 17 },
  { "Nederweert", "Limburg", 51.2860, 5.7480, 17 },
  { "Leudal", "Limburg", 51.2500, 5.8900, 36 },
  { "Beekdaelen", "Limburg", 50.9300, 5.9100, 36 },
  /* Zeeland */
  { "Middelburg", "Zeeland", 51.4988, 3.6110, 49 },
  { "Vlissingen", "Zeeland", 51.4425, 3.5736, 45 },
  { "Goes", "Zeeland", 51.5040, 3.8880, 38 },
  { "Terneuzen", "Zeeland", 51.3360, 3.8280, 54 },
  { "Hulst", "Zeeland", 51.2800, 4.0530, 27 },
  { "Sluis", "Zeeland", 51.3080, 3.3870, 23 },
  { "Schouwen-Duiveland", "Zeeland", 51.6500, 3.9190, 34 },
  { "Veere", "Zeeland", 51.5480, 3.6670, 22 },
  { "Borsele", "Zeeland", 51.4770, 3.8150, 23 },
  { "Reimerswaal", "Zeeland", 51.4930, 4.0510, 23 },
  { "Kapelle", "Zeeland", 51.4870, 3.9580, 13 },
  { "Tholen", "Zeeland", 51.5310, 4.2210, 26 },
};
const guint portal_n_places = G_N_ELEMENTS (portal_places);

/* Education ranks: 1 vmbo, 2 mbo-1, 3 mbo-2, 4 mbo-3, 5 mbo-4, 6 havo,
 * 7 vwo, 8 hbo, 9 wo. */
const PortalOccupation portal_occupations[] = {
  /* Techniek, bouw en installatie */
  { "7115", "Timmerman", 1, 4, { "Houtbewerking", "Bouwtekeningen lezen", "VCA", "Kozijnen plaatsen", "Elektrisch gereedschap", "Maatvoering" } },
  { "7112", "Metselaar", 1, 4, { "Metselwerk", "VCA", "Steigerbouw", "Bouwtekeningen lezen", "Voegwerk" } },
  { "7126", "Loodgieter", 2, 5, { "Sanitair installeren", "Leidingwerk", "VCA", "Lekkages opsporen", "Solderen", "Cv-ketels" } },
  { "7411", "Elektromonteur", 3, 5, { "NEN 3140", "Elektrische installaties", "VCA", "Storingen verhelpen", "Schakelkasten", "Zonnepanelen" } },
  { "7127", "Monteur koudetechniek", 3, 5, { "Koeltechniek", "F-gassen", "Warmtepompen", "Storingen verhelpen", "VCA" } },
  { "7212", "Lasser", 2, 5, { "MIG/MAG-lassen", "TIG-lassen", "Tekening lezen", "VCA", "Plaatbewerking" } },
  { "7223", "CNC-operator", 3, 5, { "CNC-programmeren", "Heidenhain", "Meetgereedschap", "Tekening lezen", "Kwaliteitscontrole" } },
  { "7233", "Monteur werktuigbouw", 3, 5, { "Hydrauliek", "Pneumatiek", "Preventief onderhoud", "Storingen verhelpen", "VCA" } },
  { "7231", "Automonteur", 2, 5, { "APK", "Diagnose", "Elektrische voertuigen", "Banden wisselen", "Onderhoud" } },
  { "7131", "Schilder", 1, 4, { "Schilderwerk", "Houtrot herstellen", "Spuiten", "VCA", "Behangen" } },
  { "7121", "Dakdekker", 1, 4, { "Bitumen", "Dakpannen", "Zinkwerk", "Veilig werken op hoogte", "VCA" } },
  { "3112", "Werkvoorbereider bouw", 5, 8, { "AutoCAD", "Calculatie", "Planning", "Bouwtekeningen lezen", "Inkoop" } },
  { "2142", "Civiel ingenieur", 8, 9, { "Constructieberekeningen", "AutoCAD", "Projectmanagement", "Infrastructuur", "BIM" } },
  { "3113", "Technicus elektrotechniek", 5, 8, { "PLC-programmeren", "Elektrische installaties", "NEN 3140", "Schema's lezen", "Storingen verhelpen" } },
  { "3115", "Onderhoudstechnicus", 4, 8, { "Preventief onderhoud", "Hydrauliek", "PLC-programmeren", "Storingen verhelpen", "VCA" } },
  { "2144", "Werktuigbouwkundig ingenieur", 8, 9, { "SolidWorks", "Engineering", "Productontwikkeling", "Sterkteberekeningen", "Projectmanagement" } },
  { "3119", "Procesoperator", 4, 5, { "Procesbewaking", "Storingen verhelpen", "Veiligheidsvoorschriften", "SAP", "Ploegendienst" } },
  /* Logistiek en transport */
  { "8332", "Vrachtwagenchauffeur", 1, 4, { "Rijbewijs C", "Code 95", "Tachograaf", "Laden en lossen", "ADR" } },
  { "8322", "Bestelbusbezorger", 1, 3, { "Rijbewijs B", "Pakketbezorging", "Routeplanning", "Klantvriendelijkheid" } },
  { "8344", "Heftruckchauffeur", 1, 3, { "Heftruckcertificaat", "Reachtruck", "Orderpicken", "Laden en lossen", "WMS" } },
  { "9333", "Orderpicker", 1, 3, { "Orderpicken", "Scanner", "WMS", "Heftruckcertificaat", "Inpakken" } },
  { "4321", "Magazijnmedewerker", 1, 4, { "Voorraadbeheer", "WMS", "Orderpicken", "Heftruckcertificaat", "Laden en lossen" } },
  { "4323", "Planner logistiek", 5, 8, { "Transportplanning", "TMS", "Excel", "Communicatie", "Routeplanning" } },
  { "1324", "Logistiek manager", 8, 9, { "Supply chain", "Leidinggeven", "Lean", "SAP", "KPI's" } },
  { "8341", "Trekkerchauffeur", 1, 4, { "Rijbewijs T", "Loonwerk", "Landbouwmachines", "GPS-besturing" } },
  { "8331", "Buschauffeur", 2, 4, { "Rijbewijs D", "Code 95", "Klantvriendelijkheid", "Veilig rijden" } },
  /* Zorg en welzijn */
  { "2221", "Verpleegkundige", 5, 8, { "BIG-registratie", "Medicatie", "Wondzorg", "Rapporteren", "ECD" } },
  { "5321", "Verzorgende IG", 4, 5, { "Persoonlijke verzorging", "Medicatie", "Rapporteren", "ECD", "Dementie" } },
  { "5322", "Thuiszorgmedewerker", 2, 4, { "Persoonlijke verzorging", "Huishoudelijke hulp", "Rapporteren", "Empathie" } },
  { "2634", "Psycholoog", 9, 9, { "Diagnostiek", "Cognitieve gedragstherapie", "Gespreksvoering", "Rapporteren" } },
  { "2264", "Fysiotherapeut", 8, 9, { "Revalidatie", "Manuele therapie", "Sportblessures", "BIG-registratie" } },
  { "3251", "Tandartsassistent", 4, 5, { "Stoelassistentie", "Sterilisatie", "Patiëntcontact", "Röntgen" } },
  { "2635", "Maatschappelijk werker", 8, 8, { "Gespreksvoering", "Casemanagement", "Schuldhulpverlening", "Rapporteren" } },
  { "5311", "Pedagogisch medewerker", 4, 5, { "Kinderopvang", "VVE", "Observeren", "Oudercontact", "EHBO" } },
  { "3256", "Doktersassistent", 4, 5, { "Triage", "Bloedprikken", "Patiëntcontact", "HIS" } },
  { "2211", "Huisarts", 9, 9, { "BIG-registratie", "Diagnostiek", "Spoedzorg", "HIS" } },
  { "2262", "Apothekersassistent", 4, 5, { "Medicatiebewaking", "Receptverwerking", "Farmaceutisch rekenen", "Klantvriendelijkheid" } },
  /* Onderwijs */
  { "2341", "Leraar basisonderwijs", 8, 8, { "Klassenmanagement", "Didactiek", "Differentiëren", "Oudergesprekken" } },
  { "2330", "Docent voortgezet onderwijs", 8, 9, { "Didactiek", "Klassenmanagement", "Lesvoorbereiding", "Mentoraat" } },
  { "2320", "Docent mbo", 8, 9, { "Didactiek", "Beroepspraktijkvorming", "Coachen", "Examinering" } },
  { "5312", "Onderwijsassistent", 4, 5, { "Begeleiden", "Remedial teaching", "Klassenmanagement", "Observeren" } },
  /* ICT */
  { "2512", "Softwareontwikkelaar", 5, 9, { "Java", "Python", "C#", "SQL", "Git", "JavaScript", "Docker" } },
  { "2513", "Webontwikkelaar", 5, 8, { "JavaScript", "TypeScript", "React", "HTML", "CSS", "PHP" } },
  { "2511", "Business analist", 8, 9, { "Requirements", "Procesanalyse", "SQL", "Scrum", "BPMN" } },
  { "2521", "Databasebeheerder", 5, 8, { "SQL", "PostgreSQL", "Oracle", "Back-ups", "Performance tuning" } },
  { "2522", "Systeembeheerder", 5, 8, { "Linux", "Windows Server", "Netwerken", "Microsoft 365", "Azure" } },
  { "2523", "Netwerkbeheerder", 5, 8, { "Cisco", "Netwerken", "Firewalls", "VPN", "Wifi" } },
  { "3512", "Servicedeskmedewerker", 4, 5, { "ITIL", "TOPdesk", "Microsoft 365", "Klantvriendelijkheid", "Windows" } },
  { "2529", "Security specialist", 8, 9, { "Pentesten", "ISO 27001", "SIEM", "Netwerken", "Risicoanalyse" } },
  { "2519", "Tester", 5, 8, { "TMap", "Testautomatisering", "Selenium", "SQL", "Scrum" } },
  { "2524", "Data scientist", 8, 9, { "Python", "Machine learning", "SQL", "Statistiek", "Power BI" } },
  /* Administratie, financiën, commercie */
  { "4311", "Administratief medewerker", 4, 6, { "Excel", "Boekhouden", "Exact Online", "Facturatie", "Archiveren" } },
  { "3313", "Boekhouder", 5, 8, { "Boekhouden", "Exact Online", "AFAS", "Btw-aangifte", "Jaarrekening" } },
  { "2411", "Accountant", 8, 9, { "Controle", "Jaarrekening", "IFRS", "Fiscaliteit", "Excel" } },
  { "2412", "Financieel adviseur", 8, 9, { "Hypotheken", "Wft", "Pensioenen", "Adviesgesprekken" } },
  { "4110", "Secretaresse", 4, 6, { "Agendabeheer", "Notuleren", "Microsoft Office", "Correspondentie" } },
  { "4222", "Klantenservicemedewerker", 2, 6, { "Klantvriendelijkheid", "Telefoneren", "CRM", "Klachtafhandeling" } },
  { "4226", "Receptionist", 3, 5, { "Telefoneren", "Gastvrijheid", "Agendabeheer", "Engels" } },
  { "2423", "HR-adviseur", 8, 9, { "Arbeidsrecht", "Verzuimbegeleiding", "Werving en selectie", "AFAS" } },
  { "2433", "Accountmanager", 5, 8, { "Verkoop", "CRM", "Onderhandelen", "Acquisitie", "Relatiebeheer" } },
  { "3322", "Vertegenwoordiger", 4, 8, { "Verkoop", "Acquisitie", "Rijbewijs B", "Relatiebeheer" } },
  { "5223", "Verkoopmedewerker", 1, 5, { "Klantvriendelijkheid", "Kassa", "Vakkenvullen", "Visual merchandising" } },
  { "5230", "Kassamedewerker", 1, 3, { "Kassa", "Klantvriendelijkheid", "Vakkenvullen" } },
  { "2431", "Marketingmedewerker", 5, 9, { "Online marketing", "SEO", "Social media", "Google Analytics", "Copywriting" } },
  { "2432", "Communicatieadviseur", 8, 9, { "Copywriting", "Persvoorlichting", "Social media", "Strategie" } },
  { "1211", "Controller", 8, 9, { "Rapportages", "Budgettering", "Excel", "Power BI", "AFAS" } },
  { "2611", "Jurist", 9, 9, { "Contractenrecht", "Arbeidsrecht", "Juridisch advies", "Procederen" } },
  { "2422", "Beleidsmedewerker", 8, 9, { "Beleidsadvies", "Onderzoek", "Schrijfvaardigheid", "Stakeholdermanagement" } },
  /* Horeca, voeding, schoonmaak, groen */
  { "5120", "Zelfstandig werkend kok", 3, 5, { "HACCP", "À la carte", "Menu samenstellen", "Mise-en-place" } },
  { "9412", "Keukenhulp", 1, 2, { "Afwassen", "HACCP", "Mise-en-place", "Schoonmaken" } },
  { "5131", "Bediening", 1, 4, { "Gastvrijheid", "Barista", "Kassa", "Wijnkennis" } },
  { "7512", "Banketbakker", 2, 4, { "Brood bakken", "Patisserie", "HACCP", "Deeg bereiden" } },
  { "7511", "Slager", 2, 4, { "Uitbenen", "HACCP", "Vleesverwerking", "Snijmachines" } },
  { "9112", "Schoonmaker", 1, 3, { "Schoonmaken", "Glazenwassen", "Hygiëne", "Schrobmachine" } },
  { "6113", "Hovenier", 1, 4, { "Tuinaanleg", "Snoeien", "Bestrating", "Kleine machines" } },
  { "6121", "Medewerker melkveehouderij", 1, 4, { "Melken", "Voeren", "Trekker rijden", "Diergezondheid" } },
  { "9321", "Productiemedewerker", 1, 3, { "Inpakken", "Machinebediening", "Kwaliteitscontrole", "Ploegendienst", "HACCP" } },
  { "8160", "Operator voedingsmiddelen", 2, 5, { "Machinebediening", "HACCP", "Ploegendienst", "Storingen verhelpen" } },
  /* Veiligheid, overheid, overig */
  { "5414", "Beveiliger", 2, 4, { "Beveiligingsdiploma", "BHV", "Toegangscontrole", "Rapporteren", "Camerabewaking" } },
  { "5412", "Handhaver", 4, 5, { "BOA", "Handhaving", "Rapporteren", "Conflicthantering" } },
  { "3359", "Medewerker publiekszaken", 4, 6, { "Burgerzaken", "Klantvriendelijkheid", "BRP", "Baliewerk" } },
  { "1120", "Directeur", 8, 9, { "Leidinggeven", "Strategie", "Financiën", "Verandermanagement" } },
  { "1219", "Teamleider", 5, 9, { "Leidinggeven", "Coachen", "Planning", "Lean" } },
  { "2166", "Grafisch ontwerper", 5, 8, { "Adobe InDesign", "Illustrator", "Photoshop", "Huisstijl" } },
  { "2642", "Journalist", 8, 9, { "Schrijfvaardigheid", "Interviewen", "Eindredactie", "Social media" } },
  { "3432", "Interieurstylist", 5, 8, { "Styling", "SketchUp", "Kleuradvies", "Inkoop" } },
  { "5141", "Kapper", 3, 4, { "Knippen", "Kleuren", "Klantvriendelijkheid", "Föhnen" } },
};
const guint portal_n_occupations = G_N_ELEMENTS (portal_occupations);

const char * const portal_education_levels[] = {
  NULL, "vmbo", "mbo-1", "mbo-2", "mbo-3", "mbo-4", "havo", "vwo", "hbo", "wo",
};

const char * const portal_languages[] = {
  "nl", "en", "de", "fr", "es", "it", "pl", "ro", "bg", "uk", "tr", "ar",
  "fy", "pap", "pt", "zh",
};
const guint portal_n_languages = G_N_ELEMENTS (portal_languages);

/* Chosen so that no name is also a place, skill or occupation word. */
const char * const portal_first_names[] = {
  "Daan", "Sem", "Lucas", "Levi", "Finn", "Luuk", "Milan", "Bram", "Thijs", "Jesse",
  "Ruben", "Thomas", "Tim", "Lars", "Stijn", "Niels", "Jeroen", "Martijn", "Sander", "Wouter",
  "Joost", "Jan", "Pieter", "Kees", "Henk", "Gerrit", "Johan", "Willem", "Hidde", "Erik",
  "Mohammed", "Youssef", "Ahmed", "Mehmet", "Emre", "Piotr", "Tomasz", "Andrei", "Rajesh", "Dewi",
  "Emma", "Julia", "Mila", "Sophie", "Tess", "Zoë", "Sara", "Anna", "Eva", "Lotte",
  "Fleur", "Sanne", "Femke", "Anouk", "Iris", "Lisa", "Esther", "Marieke", "Ingrid", "Monique",
  "Petra", "Wilma", "Annemarie", "Charlotte", "Noor", "Fatima", "Yasmina", "Elif", "Ayşe", "Agnieszka",
  "Katarzyna", "Ioana", "Olena", "Priya", "Lin", "Naomi", "Chantal", "Kim", "Demi", "Floor",
};
const guint portal_n_first_names = G_N_ELEMENTS (portal_first_names);

const char * const portal_last_names[] = {
  "de Jong", "Jansen", "de Vries", "van den Akker", "van Dijk", "Visser", "Janssen", "Smit", "Meijer", "Mulder",
  "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "Dijkstra", "Smits", "de Graaf",
  "van der Linden", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
  "van der Heijden", "Schouten", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Verhoeven", "Koster", "van Dam",
  "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "Kuipers", "Veenstra", "Kramer", "van den Bosch", "Postma",
  "Bosman", "Wouters", "Kuiper", "Evers", "Timmermans", "Yilmaz", "Kaya", "Demir", "El Amrani", "Bouzid",
  "Ait Taleb", "Nowak", "Kowalski", "Wiśniewski", "Popescu", "Nguyen", "Pinas", "Ramdin", "Biharie", "Sital",
  "Martina", "Wolters", "Zwart", "Hermans", "van Beers", "Claassen", "Verbeek", "Groenewegen", "Lammers", "Gerritsen",
};
const guint portal_n_last_names = G_N_ELEMENTS (portal_last_names);

const char * const portal_streets[] = {
  "Kerkstraat", "Schoolstraat", "Molenstraat", "Dorpsstraat", "Stationsweg", "Julianastraat", "Beatrixstraat",
  "Wilhelminastraat", "Nieuwstraat", "Emmastraat", "Parallelweg", "Industrieweg", "Prinses Irenestraat",
  "Oranjestraat", "Marktstraat", "Lindenlaan", "Eikenlaan", "Beukenlaan", "Sportlaan", "Vondelstraat",
  "Rembrandtlaan", "Nassaulaan", "Koningin Julianalaan", "Burgemeester de Withstraat", "Hoofdstraat",
  "Tulpstraat", "Rozenstraat", "Merelstraat", "Spoorstraat", "Havenstraat",
};
const guint portal_n_streets = G_N_ELEMENTS (portal_streets);

const char * const portal_company_words[] = {
  "Noordzee", "Polder", "Delta", "Horizon", "Kompas", "Meridiaan", "Zuiderlicht", "Windkracht", "Dijkhuis",
  "Brugwachter", "Koploper", "Vakwerk", "Vliegwiel", "Eikenhout", "Zeester", "Lindeboom", "Waterweg",
  "Grensland", "Molenwiek", "Vuurtoren", "Heuvelrug", "Rivierenland", "Kempen", "Veluwe", "Twentse",
};
const guint portal_n_company_words = G_N_ELEMENTS (portal_company_words);

const char * const portal_company_kinds[] = {
  "Bouw B.V.", "Installatietechniek", "Logistiek", "Zorggroep", "Techniek B.V.", "Groep", "Onderwijsgroep",
  "Software", "Transport", "Facilitair", "Advies", "Food", "Retail", "Services", "Metaal",
};
const guint portal_n_company_kinds = G_N_ELEMENTS (portal_company_kinds);

const char * const portal_institutions[] = {
  "ROC Midden Nederland", "ROC van Amsterdam", "Albeda", "Da Vinci College", "Graafschap College",
  "Summa College", "Deltion College", "Noorderpoort", "Friesland College", "ROC Tilburg",
  "Hogeschool Utrecht", "Hogeschool van Amsterdam", "Fontys Hogescholen", "Hanzehogeschool Groningen",
  "Saxion", "Avans Hogeschool", "HAN University of Applied Sciences", "Hogeschool Rotterdam",
  "Universiteit Utrecht", "Universiteit van Amsterdam", "TU Delft", "Rijksuniversiteit Groningen",
  "Radboud Universiteit", "Universiteit Leiden", "Erasmus Universiteit Rotterdam", "TU Eindhoven",
  "Wageningen University", "Maastricht University",
};
const guint portal_n_institutions = G_N_ELEMENTS (portal_institutions);

static gboolean
utf8_equal_casefold (const char *a,
                     const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return strcmp (fa, fb) == 0;
}

const PortalPlace *
portal_place_lookup (const char *name)
{
  g_autofree char *trimmed = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  trimmed = g_strstrip (g_strdup (name));
  if (utf8_equal_casefold (trimmed, "Den Bosch") || utf8_equal_casefold (trimmed, "'s-Gravenhage"))
    return portal_place_lookup (utf8_equal_casefold (trimmed, "Den Bosch") ? "'s-Hertogenbosch" : "Den Haag");

  for (guint i = 0; i < portal_n_places; i++)
    if (utf8_equal_casefold (portal_places[i].name, trimmed))
      return &portal_places[i];

  return NULL;
}

guint
portal_education_rank (const char *level)
{
  if (level == NULL)
    return 0;

  for (guint i = 1; i <= PORTAL_EDUCATION_MAX; i++)
    if (strcmp (portal_education_levels[i], level) == 0)
      return i;

  return 0;
}

int
portal_language_index (const char *code)
{
  if (code == NULL)
    return -1;

  for (guint i = 0; i < portal_n_languages; i++)
    if (strcmp (portal_languages[i], code) == 0)
      return (int) i;

  return -1;
}

gboolean
portal_is_name_particle (const char *word)
{
  static const char * const particles[] = {
    "van", "de", "den", "der", "het", "ten", "ter", "te", "in", "'t", "el", "al", "ait", "da", "di", "le", "la",
  };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (g_ascii_strcasecmp (particles[i], word) == 0)
      return TRUE;

  return FALSE;
}
