-- Blank Warehouse Pro database, SQLite (the Warehouse Open layout): lowercase table names.
-- Written by Shopiko.Sync from the documented facts (docs/warehouse-pro-schema.md); seeded by seed.sql.

CREATE TABLE `system` (
  `Version` TEXT NOT NULL,
  `ProductID` INTEGER DEFAULT 0,
  `LastBackup` DATETIME,
  PRIMARY KEY (`Version`)
);

CREATE TABLE `configuration` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Key` TEXT,
  `Value` TEXT,
  `UserID` INTEGER DEFAULT 0
);
CREATE INDEX `IX_configuration_Key` ON `configuration` (`Key`);

CREATE TABLE `currencies` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Currency` TEXT,
  `Description` TEXT,
  `ExchangeRate` REAL DEFAULT 0,
  `Deleted` INTEGER DEFAULT 0
);

CREATE TABLE `goods` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `BarCode1` TEXT,
  `BarCode2` TEXT,
  `BarCode3` TEXT,
  `Catalog1` TEXT,
  `Catalog2` TEXT,
  `Catalog3` TEXT,
  `Name` TEXT,
  `Name2` TEXT,
  `Measure1` TEXT,
  `Measure2` TEXT,
  `Ratio` REAL DEFAULT 0,
  `PriceIn` REAL DEFAULT 0,
  `PriceOut1` REAL DEFAULT 0,
  `PriceOut2` REAL DEFAULT 0,
  `PriceOut3` REAL DEFAULT 0,
  `PriceOut4` REAL DEFAULT 0,
  `PriceOut5` REAL DEFAULT 0,
  `PriceOut6` REAL DEFAULT 0,
  `PriceOut7` REAL DEFAULT 0,
  `PriceOut8` REAL DEFAULT 0,
  `PriceOut9` REAL DEFAULT 0,
  `PriceOut10` REAL DEFAULT 0,
  `MinQtty` REAL DEFAULT 0,
  `NormalQtty` REAL DEFAULT 0,
  `Description` TEXT,
  `Type` INTEGER DEFAULT 0,
  `IsRecipe` INTEGER DEFAULT 0,
  `TaxGroup` INTEGER DEFAULT 0,
  `IsVeryUsed` INTEGER DEFAULT 0,
  `GroupID` INTEGER DEFAULT 0,
  `Deleted` INTEGER DEFAULT 0
);
CREATE INDEX `IX_goods_Code` ON `goods` (`Code`);
CREATE INDEX `IX_goods_BarCode1` ON `goods` (`BarCode1`);
CREATE INDEX `IX_goods_Name` ON `goods` (`Name`);
CREATE INDEX `IX_goods_GroupID` ON `goods` (`GroupID`);

CREATE TABLE `goodsgroups` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Name` TEXT
);
CREATE INDEX `IX_goodsgroups_Code` ON `goodsgroups` (`Code`);

CREATE TABLE `partnersgroups` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Name` TEXT
);
CREATE INDEX `IX_partnersgroups_Code` ON `partnersgroups` (`Code`);

CREATE TABLE `objectsgroups` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Name` TEXT
);
CREATE INDEX `IX_objectsgroups_Code` ON `objectsgroups` (`Code`);

CREATE TABLE `usersgroups` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Name` TEXT
);
CREATE INDEX `IX_usersgroups_Code` ON `usersgroups` (`Code`);

CREATE TABLE `partners` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Company` TEXT,
  `Company2` TEXT,
  `MOL` TEXT,
  `MOL2` TEXT,
  `City` TEXT,
  `City2` TEXT,
  `Address` TEXT,
  `Address2` TEXT,
  `Phone` TEXT,
  `Phone2` TEXT,
  `Fax` TEXT,
  `eMail` TEXT,
  `TaxNo` TEXT,
  `Bulstat` TEXT,
  `BankName` TEXT,
  `BankCode` TEXT,
  `BankAcct` TEXT,
  `BankVATName` TEXT,
  `BankVATCode` TEXT,
  `BankVATAcct` TEXT,
  `PriceGroup` INTEGER DEFAULT 1,
  `Discount` REAL DEFAULT 0,
  `Type` INTEGER DEFAULT 0,
  `IsVeryUsed` INTEGER DEFAULT 0,
  `UserID` INTEGER DEFAULT 0,
  `GroupID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME,
  `Deleted` INTEGER DEFAULT 0,
  `CardNumber` TEXT,
  `Note1` TEXT,
  `Note2` TEXT,
  `PaymentDays` INTEGER DEFAULT 0
);
CREATE INDEX `IX_partners_Code` ON `partners` (`Code`);
CREATE INDEX `IX_partners_TaxNo` ON `partners` (`TaxNo`);
CREATE INDEX `IX_partners_Bulstat` ON `partners` (`Bulstat`);
CREATE INDEX `IX_partners_GroupID` ON `partners` (`GroupID`);

CREATE TABLE `objects` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Name` TEXT,
  `Name2` TEXT,
  `PriceGroup` INTEGER DEFAULT 0,
  `IsVeryUsed` INTEGER DEFAULT 0,
  `GroupID` INTEGER DEFAULT 0,
  `Deleted` INTEGER DEFAULT 0
);

CREATE TABLE `users` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Name` TEXT,
  `Name2` TEXT,
  `IsVeryUsed` INTEGER DEFAULT 0,
  `GroupID` INTEGER DEFAULT 0,
  `Password` TEXT,
  `UserLevel` INTEGER DEFAULT 0,
  `Deleted` INTEGER DEFAULT 0,
  `CardNumber` TEXT
);

CREATE TABLE `store` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `ObjectID` INTEGER DEFAULT 0,
  `GoodID` INTEGER DEFAULT 0,
  `Qtty` REAL DEFAULT 0,
  `Price` REAL DEFAULT 0,
  `Lot` TEXT,
  `LotID` INTEGER DEFAULT 0,
  `LotOrder` INTEGER DEFAULT 0
);
CREATE INDEX `IX_store_ObjectID_GoodID` ON `store` (`ObjectID`, `GoodID`);
CREATE INDEX `IX_store_GoodID` ON `store` (`GoodID`);

CREATE TABLE `operations` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `OperType` INTEGER DEFAULT 0,
  `Acct` INTEGER DEFAULT 0,
  `GoodID` INTEGER DEFAULT 0,
  `PartnerID` INTEGER DEFAULT 0,
  `ObjectID` INTEGER DEFAULT 0,
  `OperatorID` INTEGER DEFAULT 0,
  `Qtty` REAL DEFAULT 0,
  `Sign` INTEGER DEFAULT 0,
  `PriceIn` REAL DEFAULT 0,
  `PriceOut` REAL DEFAULT 0,
  `VATIn` REAL DEFAULT 0,
  `VATOut` REAL DEFAULT 0,
  `Discount` REAL DEFAULT 0,
  `CurrencyID` INTEGER DEFAULT 0,
  `CurrencyRate` REAL DEFAULT 0,
  `Date` DATETIME,
  `Lot` TEXT,
  `LotID` INTEGER DEFAULT 0,
  `Note` TEXT,
  `SrcDocID` INTEGER DEFAULT 0,
  `UserID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME
);
CREATE INDEX `IX_operations_OperType_Acct` ON `operations` (`OperType`, `Acct`);
CREATE INDEX `IX_operations_GoodID` ON `operations` (`GoodID`);
CREATE INDEX `IX_operations_PartnerID` ON `operations` (`PartnerID`);
CREATE INDEX `IX_operations_ObjectID` ON `operations` (`ObjectID`);
CREATE INDEX `IX_operations_Date` ON `operations` (`Date`);

CREATE TABLE `payments` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Acct` REAL DEFAULT 0,
  `OperType` INTEGER DEFAULT 0,
  `PartnerID` INTEGER DEFAULT 0,
  `ObjectID` INTEGER DEFAULT 0,
  `Qtty` REAL DEFAULT 0,
  `Mode` INTEGER DEFAULT 0,
  `Sign` INTEGER DEFAULT 0,
  `Date` DATETIME,
  `UserID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME,
  `Type` INTEGER DEFAULT 0,
  `TransactionNumber` TEXT,
  `EndDate` DATETIME
);
CREATE INDEX `IX_payments_OperType_Acct` ON `payments` (`OperType`, `Acct`);
CREATE INDEX `IX_payments_PartnerID` ON `payments` (`PartnerID`);

CREATE TABLE `paymenttypes` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Name` TEXT,
  `PaymentMethod` INTEGER DEFAULT 0
);

CREATE TABLE `vatgroups` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Name` TEXT,
  `VATValue` REAL DEFAULT 0
);

CREATE TABLE `nextacct` (
  `NextAcct` TEXT NOT NULL,
  PRIMARY KEY (`NextAcct`)
);

CREATE TABLE `lots` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `SerialNo` TEXT,
  `EndDate` DATETIME,
  `ProductionDate` DATETIME,
  `Location` TEXT
);

CREATE TABLE `operationtype` (
  `ID` INTEGER NOT NULL,
  `BG` TEXT,
  `EN` TEXT,
  PRIMARY KEY (`ID`)
);

CREATE TABLE `documents` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Acct` INTEGER DEFAULT 0,
  `InvoiceNumber` TEXT,
  `OperType` INTEGER DEFAULT 0,
  `InvoiceDate` DATETIME,
  `DocumentType` INTEGER DEFAULT 0,
  `ExternalInvoiceDate` DATETIME,
  `ExternalInvoiceNumber` TEXT,
  `PaymentType` INTEGER DEFAULT 0,
  `Recipient` TEXT,
  `EGN` TEXT,
  `Provider` TEXT,
  `TaxDate` DATETIME,
  `Reason` TEXT,
  `Description` TEXT,
  `Place` TEXT
);
CREATE INDEX `IX_documents_Acct` ON `documents` (`Acct`);

CREATE TABLE `cashbook` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Date` DATETIME,
  `Desc` TEXT,
  `OperType` INTEGER DEFAULT 0,
  `Sign` INTEGER DEFAULT 0,
  `Profit` REAL DEFAULT 0,
  `UserID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME,
  `ObjectID` INTEGER DEFAULT 0
);

CREATE TABLE `applicationlog` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Message` TEXT,
  `UserID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME,
  `MessageSource` TEXT
);

CREATE TABLE `transformations` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `RootOperType` INTEGER DEFAULT 0,
  `RootAcct` INTEGER DEFAULT 0,
  `FromOperType` INTEGER DEFAULT 0,
  `FromAcct` INTEGER DEFAULT 0,
  `ToOperType` INTEGER DEFAULT 0,
  `ToAcct` INTEGER DEFAULT 0,
  `UserID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME
);

CREATE TABLE `ecrreceipts` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `OperType` INTEGER DEFAULT 0,
  `Acct` INTEGER DEFAULT 0,
  `ReceiptID` INTEGER DEFAULT 0,
  `ReceiptDate` DATETIME,
  `ReceiptType` INTEGER DEFAULT 0,
  `ECRID` TEXT,
  `Description` TEXT,
  `Total` REAL DEFAULT 0,
  `UserID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME
);

CREATE TABLE `registration` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` TEXT,
  `Company` TEXT,
  `MOL` TEXT,
  `City` TEXT,
  `Address` TEXT,
  `Phone` TEXT,
  `Fax` TEXT,
  `eMail` TEXT,
  `TaxNo` TEXT,
  `Bulstat` TEXT,
  `BankName` TEXT,
  `BankCode` TEXT,
  `BankAcct` TEXT,
  `BankVATAcct` TEXT,
  `UserID` INTEGER DEFAULT 0,
  `UserRealTime` DATETIME,
  `IsDefault` INTEGER DEFAULT 0,
  `Note1` TEXT,
  `Note2` TEXT,
  `Deleted` INTEGER DEFAULT 0
);
