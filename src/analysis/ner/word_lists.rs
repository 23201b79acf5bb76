//! The word lists that both the gazetteer (as list bits) and the rules
//! (as sets) read: titles and name designators. Plain text, one word a
//! line; a module below both so that neither imports the other for them.

/// Titles and honorifics (one per line, for the gazetteer too). A person
/// span never starts with one ("President [Ada Varga]").
pub const TITLES_TEXT: &str = "Mr.\nMrs.\nMs.\nMiss\nMr\nMrs\nMs\nDr.\nDr\nProf.\nProfessor\n\
Sir\nDame\nLord\nLady\nPresident\nVice\nPrime\nMinister\nSecretary\nChancellor\nGovernor\n\
Gov.\nSenator\nSen.\nRep.\nRepresentative\nCongressman\nCongresswoman\nMayor\nJudge\nJustice\n\
Gen.\nGeneral\nLt.\nLieutenant\nCol.\nColonel\nMaj.\nMajor\nCapt.\nCaptain\nSgt.\nSergeant\n\
Cpl.\nCorporal\nPvt.\nPrivate\nAdm.\nAdmiral\nCommander\nCmdr.\nChief\nKing\nQueen\nPrince\n\
Princess\nPope\nBishop\nArchbishop\nCardinal\nRev.\nReverend\nFather\nSheikh\nAyatollah\n\
Ambassador\nEnvoy\nSpokesman\nSpokeswoman\nCEO\nChairman\nChairwoman\nDirector\nCoach\n\
Defense\nForeign\nInterior\nFinance\nState\nDeputy\nActing\nFormer\nSt.\nSaint\nEmperor\n\
Sultan\nEmir\nPresident-elect\nDetective\nOfficer\nInspector\nSuperintendent\nCommissioner\n\
Attorney\nSurgeon\nSolicitor\nSheriff";

/// Words that mark organisation names ("... Party", "... Inc.").
pub const ORG_WORDS_TEXT: &str = "Inc.\nCorp.\nCo.\nLtd.\nLLC\nPLC\nplc\nGroup\nParty\nUniversity\n\
College\nInstitute\nAssociation\nCouncil\nCommittee\nCommission\nMinistry\nDepartment\nAgency\n\
Company\nCorporation\nBank\nFoundation\nFederation\nUnion\nLeague\nClub\nFC\nRecords\nNews\n\
Times\nPost\nPress\nInternational\nAuthority\nBoard\nCourt\nArmy\nNavy\nForce\nService\n\
Organization\nOrganisation\nFront\nMovement\nAlliance\nAirlines\nAirways\nSchool\nHospital\n\
Church\nTeam\nSociety\nCenter\nCentre\nOffice\nInc\nCorp\nLtd\nLimited\nGmbH\nAG\n\
Pty\nHoldings\nIndustries\nEnterprises\nPartners\nBancorp\nTechnologies\nSystems\nMotors\n\
Railroad\nRailway\nRailways\nLines\nBrigade\nBrigades\nDivision\nRegiment\nBattalion\nCorps\n\
Command\nWing\nSquadron\nFleet\nGuard\nPolice\nParliament\nAssembly\nSenate\nCongress\n\
Cabinet\nBureau\nSecretariat\nTribunal\nTrust\nFund\nAcademy\nSeminary\nLaboratory\n\
Laboratories\nNetwork\nRadio\nTelevision\nBroadcasting\nMagazine\nJournal\nHerald\n\
Tribune\nGazette\nChronicle\nStudios\nPictures\nProductions\nEntertainment\nMedia\n\
Publishing\nPublishers\nBand\nOrchestra\nChoir\nEnsemble\nCoalition\nConfederation\n\
Brotherhood\nBrigades\nUnited\nRovers\nWanderers\nAthletic\nElectric\nElectronics\nDynamics\n\
Mills\nFoods\nPetroleum\nEnergy\nChemical\nChemicals\nSteel\nMining\nInsurance\n\
Pharmaceuticals\nCommunications\nTelecom\nSoftware\nSecurities\nInvestments\nFinancial\n\
Logistics\nShipping\nConstruction\nAerospace\nAutomotive\nBrewery\nBreweries";

/// Words that end (or, before "of", begin) place names: "... River",
/// "... County", "Lake ...", "Gulf of ...".
pub const PLACE_WORDS_TEXT: &str = "River\nMountains\nMountain\nMount\nMt.\nCounty\n\
Province\nIsland\nIslands\nIsles\nStreet\nSt\nAvenue\nAve\nRoad\nBoulevard\nAirport\n\
Lake\nBay\nSea\nOcean\nGulf\nValley\nPeninsula\nDesert\nSquare\nBridge\nCanal\nStrait\n\
Straits\nCoast\nForest\nHills\nHill\nRegion\nDistrict\nVillage\nCity\nTown\nTownship\n\
Parish\nBorough\nCreek\nBrook\nPond\nFalls\nHarbor\nHarbour\nPort\nBeach\nCape\n\
Glacier\nPlateau\nPlains\nBasin\nCanyon\nHighway\nLane\nPlaza\nHeights\nSprings\n\
Prefecture\nOblast\nGovernorate\nMunicipality\nTerritory\nTerritories\nState\nKingdom\n\
Republic\nEmpire\nPeak\nVolcano\nReservoir\nDam\nFjord\nArchipelago\nAtoll\nSuburb\n\
Quarter\nEstate\nCastle\nCathedral\nPalace\nStadium\nArena\nStation\nBase\nAirbase\n\
Airfield\nBarracks\nFort\nCamp";

/// Words that end (or begin) names of events, awards, laws and works, which
/// are none of person, org or place: "... Cup", "Battle of ...".
pub const EVENT_WORDS_TEXT: &str = "War\nWars\nBattle\nCup\nPrize\nAward\nAwards\nTrophy\n\
Championship\nChampionships\nGames\nOlympics\nFestival\nBowl\nTour\nGrand Prix\nAct\n\
Treaty\nAccord\nAccords\nRevolution\nCrisis\nOperation\nSummit\nMarathon\nSeries\n\
Tournament\nClassic\nMedal\nDay\nProtocol\nDoctrine\nAlbum\n\
Rebellion\nUprising\nMassacre\nConvention\nExpo\nFair";

/// Religious and ethnic group words, capitalised as names are ("Shiite",
/// "Kurds"): the `group` kind. Nationalities are learned from the data.
pub const GROUP_WORDS_TEXT: &str = "Muslim\nMuslims\nSunni\nSunnis\nShiite\nShiites\nShi'ite\n\
Shi'ites\nShia\nShias\nAlawite\nAlawites\nDruze\nIsmaili\nSufi\nSalafi\nSalafist\n\
Salafists\nWahhabi\nChristian\nChristians\nCatholic\nCatholics\nProtestant\nProtestants\n\
Evangelical\nEvangelicals\nAnglican\nAnglicans\nCoptic\nCopt\nCopts\nMaronite\n\
Maronites\nJewish\nJew\nJews\nHindu\nHindus\nBuddhist\nBuddhists\nSikh\nSikhs\nKurd\n\
Kurds\nKurdish\nArab\nArabs\nPashtun\nPashtuns\nHazara\nHazaras\nBaloch\nUighur\n\
Uighurs\nUyghur\nUyghurs\nTamil\nTamils\nSinhalese\nRohingya\nHutu\nHutus\nTutsi\n\
Tutsis\nBerber\nBerbers\nBedouin\nBedouins\nYazidi\nYazidis\nIslamist\nIslamists\n\
Jihadist\nJihadists";
