-- Blank Warehouse Pro database, MySQL / MariaDB: lowercase table names, InnoDB, utf8mb4.
-- Written by Shopiko.Sync from the documented facts (docs/warehouse-pro-schema.md); seeded by seed.sql.

CREATE TABLE `system` (
  `Version` VARCHAR(20) NOT NULL,
  `ProductID` INT DEFAULT 0,
  `LastBackup` DATETIME,
  PRIMARY KEY (`Version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `configuration` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Key` VARCHAR(50),
  `Value` VARCHAR(50),
  `UserID` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_configuration_Key` ON `configuration` (`Key`);

CREATE TABLE `currencies` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Currency` VARCHAR(3),
  `Description` VARCHAR(255),
  `ExchangeRate` DOUBLE DEFAULT 0,
  `Deleted` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `goods` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `BarCode1` VARCHAR(255),
  `BarCode2` VARCHAR(255),
  `BarCode3` VARCHAR(255),
  `Catalog1` VARCHAR(255),
  `Catalog2` VARCHAR(255),
  `Catalog3` VARCHAR(255),
  `Name` VARCHAR(255),
  `Name2` VARCHAR(255),
  `Measure1` VARCHAR(255),
  `Measure2` VARCHAR(255),
  `Ratio` DOUBLE DEFAULT 0,
  `PriceIn` DOUBLE DEFAULT 0,
  `PriceOut1` DOUBLE DEFAULT 0,
  `PriceOut2` DOUBLE DEFAULT 0,
  `PriceOut3` DOUBLE DEFAULT 0,
  `PriceOut4` DOUBLE DEFAULT 0,
  `PriceOut5` DOUBLE DEFAULT 0,
  `PriceOut6` DOUBLE DEFAULT 0,
  `PriceOut7` DOUBLE DEFAULT 0,
  `PriceOut8` DOUBLE DEFAULT 0,
  `PriceOut9` DOUBLE DEFAULT 0,
  `PriceOut10` DOUBLE DEFAULT 0,
  `MinQtty` DOUBLE DEFAULT 0,
  `NormalQtty` DOUBLE DEFAULT 0,
  `Description` VARCHAR(255),
  `Type` INT DEFAULT 0,
  `IsRecipe` INT DEFAULT 0,
  `TaxGroup` INT DEFAULT 0,
  `IsVeryUsed` INT DEFAULT 0,
  `GroupID` INT DEFAULT 0,
  `Deleted` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_goods_Code` ON `goods` (`Code`);
CREATE INDEX `IX_goods_BarCode1` ON `goods` (`BarCode1`);
CREATE INDEX `IX_goods_Name` ON `goods` (`Name`);
CREATE INDEX `IX_goods_GroupID` ON `goods` (`GroupID`);

CREATE TABLE `goodsgroups` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_goodsgroups_Code` ON `goodsgroups` (`Code`);

CREATE TABLE `partnersgroups` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_partnersgroups_Code` ON `partnersgroups` (`Code`);

CREATE TABLE `objectsgroups` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_objectsgroups_Code` ON `objectsgroups` (`Code`);

CREATE TABLE `usersgroups` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_usersgroups_Code` ON `usersgroups` (`Code`);

CREATE TABLE `partners` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Company` VARCHAR(255),
  `Company2` VARCHAR(255),
  `MOL` VARCHAR(255),
  `MOL2` VARCHAR(255),
  `City` VARCHAR(255),
  `City2` VARCHAR(255),
  `Address` VARCHAR(255),
  `Address2` VARCHAR(255),
  `Phone` VARCHAR(255),
  `Phone2` VARCHAR(255),
  `Fax` VARCHAR(255),
  `eMail` VARCHAR(255),
  `TaxNo` VARCHAR(255),
  `Bulstat` VARCHAR(255),
  `BankName` VARCHAR(255),
  `BankCode` VARCHAR(255),
  `BankAcct` VARCHAR(255),
  `BankVATName` VARCHAR(255),
  `BankVATCode` VARCHAR(255),
  `BankVATAcct` VARCHAR(255),
  `PriceGroup` INT DEFAULT 1,
  `Discount` DOUBLE DEFAULT 0,
  `Type` INT DEFAULT 0,
  `IsVeryUsed` INT DEFAULT 0,
  `UserID` INT DEFAULT 0,
  `GroupID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  `Deleted` INT DEFAULT 0,
  `CardNumber` VARCHAR(255),
  `Note1` VARCHAR(255),
  `Note2` VARCHAR(255),
  `PaymentDays` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_partners_Code` ON `partners` (`Code`);
CREATE INDEX `IX_partners_TaxNo` ON `partners` (`TaxNo`);
CREATE INDEX `IX_partners_Bulstat` ON `partners` (`Bulstat`);
CREATE INDEX `IX_partners_GroupID` ON `partners` (`GroupID`);

CREATE TABLE `objects` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  `Name2` VARCHAR(255),
  `PriceGroup` INT DEFAULT 0,
  `IsVeryUsed` INT DEFAULT 0,
  `GroupID` INT DEFAULT 0,
  `Deleted` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `users` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  `Name2` VARCHAR(255),
  `IsVeryUsed` INT DEFAULT 0,
  `GroupID` INT DEFAULT 0,
  `Password` VARCHAR(50),
  `UserLevel` INT DEFAULT 0,
  `Deleted` INT DEFAULT 0,
  `CardNumber` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `store` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `ObjectID` INT DEFAULT 0,
  `GoodID` INT DEFAULT 0,
  `Qtty` DOUBLE DEFAULT 0,
  `Price` DOUBLE DEFAULT 0,
  `Lot` VARCHAR(250),
  `LotID` INT DEFAULT 0,
  `LotOrder` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_store_ObjectID_GoodID` ON `store` (`ObjectID`, `GoodID`);
CREATE INDEX `IX_store_GoodID` ON `store` (`GoodID`);

CREATE TABLE `operations` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `OperType` INT DEFAULT 0,
  `Acct` INT DEFAULT 0,
  `GoodID` INT DEFAULT 0,
  `PartnerID` INT DEFAULT 0,
  `ObjectID` INT DEFAULT 0,
  `OperatorID` INT DEFAULT 0,
  `Qtty` DOUBLE DEFAULT 0,
  `Sign` INT DEFAULT 0,
  `PriceIn` DOUBLE DEFAULT 0,
  `PriceOut` DOUBLE DEFAULT 0,
  `VATIn` DOUBLE DEFAULT 0,
  `VATOut` DOUBLE DEFAULT 0,
  `Discount` DOUBLE DEFAULT 0,
  `CurrencyID` INT DEFAULT 0,
  `CurrencyRate` DOUBLE DEFAULT 0,
  `Date` DATETIME,
  `Lot` VARCHAR(50),
  `LotID` INT DEFAULT 0,
  `Note` VARCHAR(255),
  `SrcDocID` INT DEFAULT 0,
  `UserID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_operations_OperType_Acct` ON `operations` (`OperType`, `Acct`);
CREATE INDEX `IX_operations_GoodID` ON `operations` (`GoodID`);
CREATE INDEX `IX_operations_PartnerID` ON `operations` (`PartnerID`);
CREATE INDEX `IX_operations_ObjectID` ON `operations` (`ObjectID`);
CREATE INDEX `IX_operations_Date` ON `operations` (`Date`);

CREATE TABLE `payments` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Acct` DOUBLE DEFAULT 0,
  `OperType` INT DEFAULT 0,
  `PartnerID` INT DEFAULT 0,
  `ObjectID` INT DEFAULT 0,
  `Qtty` DOUBLE DEFAULT 0,
  `Mode` INT DEFAULT 0,
  `Sign` INT DEFAULT 0,
  `Date` DATETIME,
  `UserID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  `Type` INT DEFAULT 0,
  `TransactionNumber` VARCHAR(255),
  `EndDate` DATETIME,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_payments_OperType_Acct` ON `payments` (`OperType`, `Acct`);
CREATE INDEX `IX_payments_PartnerID` ON `payments` (`PartnerID`);

CREATE TABLE `paymenttypes` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Name` VARCHAR(255),
  `PaymentMethod` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `vatgroups` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  `VATValue` DOUBLE DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `nextacct` (
  `NextAcct` VARCHAR(50) NOT NULL,
  PRIMARY KEY (`NextAcct`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `lots` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `SerialNo` VARCHAR(255),
  `EndDate` DATETIME,
  `ProductionDate` DATETIME,
  `Location` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `operationtype` (
  `ID` INT NOT NULL,
  `BG` VARCHAR(255),
  `EN` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `documents` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Acct` INT DEFAULT 0,
  `InvoiceNumber` VARCHAR(255),
  `OperType` INT DEFAULT 0,
  `InvoiceDate` DATETIME,
  `DocumentType` INT DEFAULT 0,
  `ExternalInvoiceDate` DATETIME,
  `ExternalInvoiceNumber` VARCHAR(255),
  `PaymentType` INT DEFAULT 0,
  `Recipient` VARCHAR(255),
  `EGN` VARCHAR(255),
  `Provider` VARCHAR(255),
  `TaxDate` DATETIME,
  `Reason` VARCHAR(255),
  `Description` VARCHAR(255),
  `Place` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `IX_documents_Acct` ON `documents` (`Acct`);

CREATE TABLE `cashbook` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Date` DATETIME,
  `Desc` VARCHAR(255),
  `OperType` INT DEFAULT 0,
  `Sign` INT DEFAULT 0,
  `Profit` DOUBLE DEFAULT 0,
  `UserID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  `ObjectID` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `applicationlog` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Message` VARCHAR(255),
  `UserID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  `MessageSource` VARCHAR(50),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `transformations` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `RootOperType` INT DEFAULT 0,
  `RootAcct` INT DEFAULT 0,
  `FromOperType` INT DEFAULT 0,
  `FromAcct` INT DEFAULT 0,
  `ToOperType` INT DEFAULT 0,
  `ToAcct` INT DEFAULT 0,
  `UserID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `ecrreceipts` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `OperType` INT DEFAULT 0,
  `Acct` INT DEFAULT 0,
  `ReceiptID` INT DEFAULT 0,
  `ReceiptDate` DATETIME,
  `ReceiptType` INT DEFAULT 0,
  `ECRID` VARCHAR(255),
  `Description` VARCHAR(255),
  `Total` DOUBLE DEFAULT 0,
  `UserID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `registration` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Company` VARCHAR(255),
  `MOL` VARCHAR(255),
  `City` VARCHAR(255),
  `Address` VARCHAR(255),
  `Phone` VARCHAR(255),
  `Fax` VARCHAR(255),
  `eMail` VARCHAR(255),
  `TaxNo` VARCHAR(255),
  `Bulstat` VARCHAR(255),
  `BankName` VARCHAR(255),
  `BankCode` VARCHAR(255),
  `BankAcct` VARCHAR(255),
  `BankVATAcct` VARCHAR(255),
  `UserID` INT DEFAULT 0,
  `UserRealTime` DATETIME,
  `IsDefault` INT DEFAULT 0,
  `Note1` VARCHAR(255),
  `Note2` VARCHAR(255),
  `Deleted` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
