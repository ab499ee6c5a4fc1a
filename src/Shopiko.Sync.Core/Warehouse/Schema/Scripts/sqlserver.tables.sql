-- Blank Warehouse Pro database, MS SQL Server: the tables of a real Warehouse Pro database as they are there
-- (names, column order, types, lengths, nullability, identity, keys and indexes; see the schema facts in
-- docs/warehouse-pro-schema.md). Money and quantities are float, several flags smallint, most dates smalldatetime.
-- Defaults are the library's own (the real ones are not known); the store writes every column it relies on.
-- Written by Shopiko.Sync; seeded by seed.sql. Runs on SQL Server 2008 and later.

CREATE TABLE [System] (
  [Version] nvarchar(20) NOT NULL,
  [ProductID] smallint NULL DEFAULT 0,
  [LastBackup] smalldatetime NULL,
  CONSTRAINT [PK_System] PRIMARY KEY ([Version])
);

CREATE TABLE [Configuration] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Key] nvarchar(50) NULL,
  [Value] nvarchar(50) NULL,
  [UserID] int NULL DEFAULT 0,
  CONSTRAINT [PK_Configuration] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Configuration] ON [Configuration] ([Key], [UserID]);

CREATE TABLE [Currencies] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Currency] nvarchar(3) NULL,
  [Description] nvarchar(255) NULL,
  [ExchangeRate] float NULL DEFAULT 0,
  [Deleted] int NULL DEFAULT 0,
  CONSTRAINT [PK_Currencies] PRIMARY KEY ([ID])
);

CREATE TABLE [Goods] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [BarCode1] nvarchar(255) NULL,
  [BarCode2] nvarchar(255) NULL,
  [BarCode3] nvarchar(255) NULL,
  [Catalog1] nvarchar(255) NULL,
  [Catalog2] nvarchar(255) NULL,
  [Catalog3] nvarchar(255) NULL,
  [Name] nvarchar(255) NULL,
  [Name2] nvarchar(255) NULL,
  [Measure1] nvarchar(255) NULL,
  [Measure2] nvarchar(255) NULL,
  [Ratio] float NULL DEFAULT 0,
  [PriceIn] float NULL DEFAULT 0,
  [PriceOut1] float NULL DEFAULT 0,
  [PriceOut2] float NULL DEFAULT 0,
  [PriceOut3] float NULL DEFAULT 0,
  [PriceOut4] float NULL DEFAULT 0,
  [PriceOut5] float NULL DEFAULT 0,
  [PriceOut6] float NULL DEFAULT 0,
  [PriceOut7] float NULL DEFAULT 0,
  [PriceOut8] float NULL DEFAULT 0,
  [PriceOut9] float NULL DEFAULT 0,
  [PriceOut10] float NULL DEFAULT 0,
  [MinQtty] float NULL DEFAULT 0,
  [NormalQtty] float NULL DEFAULT 0,
  [Description] nvarchar(255) NULL,
  [Type] int NULL DEFAULT 0,
  [IsRecipe] int NULL DEFAULT 0,
  [TaxGroup] int NULL DEFAULT 0,
  [IsVeryUsed] int NULL DEFAULT 0,
  [GroupID] int NULL DEFAULT 0,
  [Deleted] int NULL DEFAULT 0,
  CONSTRAINT [PK_Goods] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Goods_Barcode1] ON [Goods] ([BarCode1]);
CREATE INDEX [IX_Goods_Barcode2] ON [Goods] ([BarCode2]);
CREATE INDEX [IX_Goods_Barcode3] ON [Goods] ([BarCode3]);
CREATE INDEX [IX_Goods_Catalog1] ON [Goods] ([Catalog1]);
CREATE INDEX [IX_Goods_Catalog2] ON [Goods] ([Catalog2]);
CREATE INDEX [IX_Goods_Catalog3] ON [Goods] ([Catalog3]);
CREATE INDEX [IX_Goods_Code] ON [Goods] ([Code]);
CREATE INDEX [IX_Goods_Light_printing_goods] ON [Goods] ([ID], [TaxGroup]);
CREATE INDEX [IX_Goods_Name] ON [Goods] ([Name]);
CREATE INDEX [IX_Goods_Name2_GroupID] ON [Goods] ([Name2], [GroupID]);
CREATE INDEX [IX_Goods_Prices] ON [Goods] ([PriceIn], [PriceOut1], [PriceOut2]);
CREATE INDEX [IX_Goods_ReloadLight] ON [Goods] ([ID], [Deleted], [Code], [GroupID], [TaxGroup], [IsVeryUsed]);

CREATE TABLE [GoodsGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Name] nvarchar(255) NULL,
  [Code] nvarchar(255) NULL,
  CONSTRAINT [PK_GoodsGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_GoodsGroups] ON [GoodsGroups] ([Code]);

CREATE TABLE [PartnersGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Name] nvarchar(255) NULL,
  CONSTRAINT [PK_PartnersGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_PartnersGroups] ON [PartnersGroups] ([Code]);

CREATE TABLE [ObjectsGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Name] nvarchar(255) NULL,
  CONSTRAINT [PK_ObjectsGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_ObjectsGroups] ON [ObjectsGroups] ([Code]);

CREATE TABLE [UsersGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Name] nvarchar(255) NULL,
  CONSTRAINT [PK_UsersGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_UsersGroups] ON [UsersGroups] ([Code]);

CREATE TABLE [Partners] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Company] nvarchar(255) NULL,
  [Company2] nvarchar(255) NULL,
  [MOL] nvarchar(255) NULL,
  [MOL2] nvarchar(255) NULL,
  [City] nvarchar(255) NULL,
  [City2] nvarchar(255) NULL,
  [Address] nvarchar(255) NULL,
  [Address2] nvarchar(255) NULL,
  [Phone] nvarchar(255) NULL,
  [Phone2] nvarchar(255) NULL,
  [Fax] nvarchar(255) NULL,
  [eMail] nvarchar(255) NULL,
  [TaxNo] nvarchar(255) NULL,
  [Bulstat] nvarchar(255) NULL,
  [BankName] nvarchar(255) NULL,
  [BankCode] nvarchar(255) NULL,
  [BankAcct] nvarchar(255) NULL,
  [BankVATName] nvarchar(255) NULL,
  [BankVATCode] nvarchar(255) NULL,
  [BankVATAcct] nvarchar(255) NULL,
  [PriceGroup] int NULL DEFAULT 1,
  [Discount] float NULL DEFAULT 0,
  [Type] smallint NULL DEFAULT 0,
  [IsVeryUsed] smallint NULL DEFAULT 0,
  [UserID] int NULL DEFAULT 0,
  [GroupID] int NULL DEFAULT 0,
  [UserRealTime] datetime NULL,
  [Deleted] int NULL DEFAULT 0,
  [CardNumber] nvarchar(255) NULL,
  [Note1] nvarchar(255) NULL,
  [Note2] nvarchar(255) NULL,
  [PaymentDays] int NULL DEFAULT 0,
  CONSTRAINT [PK_Partners] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Partners_Address] ON [Partners] ([Address]);
CREATE INDEX [IX_Partners_BankAcct] ON [Partners] ([BankAcct]);
CREATE INDEX [IX_Partners_BankCode] ON [Partners] ([BankCode]);
CREATE INDEX [IX_Partners_Bulstat] ON [Partners] ([Bulstat]);
CREATE INDEX [IX_Partners_CardNo] ON [Partners] ([CardNumber]);
CREATE INDEX [IX_Partners_City] ON [Partners] ([City]);
CREATE INDEX [IX_Partners_Code] ON [Partners] ([Code]);
CREATE INDEX [IX_Partners_Company] ON [Partners] ([Company]);
CREATE INDEX [IX_Partners_Company2] ON [Partners] ([Company2]);
CREATE INDEX [IX_Partners_GroupID_UserID] ON [Partners] ([UserID], [GroupID]);
CREATE INDEX [IX_Partners_MOL] ON [Partners] ([MOL]);
CREATE INDEX [IX_Partners_Phone] ON [Partners] ([Phone]);
CREATE INDEX [IX_Partners_PrintAddress] ON [Partners] ([Address2]);
CREATE INDEX [IX_Partners_PrintCity] ON [Partners] ([City2]);
CREATE INDEX [IX_Partners_PrintMOL] ON [Partners] ([MOL2]);
CREATE INDEX [IX_Partners_PrintPhone] ON [Partners] ([Phone2]);
CREATE INDEX [IX_Partners_Taxno] ON [Partners] ([TaxNo]);
CREATE INDEX [Light_Load_Restaurant_partners] ON [Partners] ([IsVeryUsed]);

CREATE TABLE [Objects] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Name] nvarchar(255) NULL,
  [Name2] nvarchar(255) NULL,
  [PriceGroup] int NULL DEFAULT 0,
  [IsVeryUsed] int NULL DEFAULT 0,
  [GroupID] int NULL DEFAULT 0,
  [Deleted] int NULL DEFAULT 0,
  CONSTRAINT [PK_Objects] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Objects] ON [Objects] ([Code], [GroupID]);
CREATE INDEX [IX_Objects_Name] ON [Objects] ([Name]);

CREATE TABLE [Users] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Name] nvarchar(255) NULL,
  [Name2] nvarchar(255) NULL,
  [IsVeryUsed] int NULL DEFAULT 0,
  [GroupID] int NULL DEFAULT 0,
  [Password] nvarchar(50) NULL,
  [UserLevel] int NULL DEFAULT 0,
  [Deleted] int NULL DEFAULT 0,
  [CardNumber] nvarchar(255) NULL,
  CONSTRAINT [PK_Users] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Users] ON [Users] ([Code], [GroupID]);
CREATE INDEX [IX_Users_Name] ON [Users] ([Name]);

CREATE TABLE [Store] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [ObjectID] int NULL DEFAULT 0,
  [GoodID] int NULL DEFAULT 0,
  [Qtty] float NULL DEFAULT 0,
  [Price] float NULL DEFAULT 0,
  [Lot] nvarchar(250) NULL,
  [LotID] int NULL DEFAULT 0,
  [LotOrder] int NULL DEFAULT 0,
  CONSTRAINT [PK_Store] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_STORE_LIGHTGOODSLOAD] ON [Store] ([ObjectID], [GoodID]);
CREATE INDEX [IX_Store_Goodid] ON [Store] ([ObjectID]);
CREATE INDEX [IX_Store_Lot] ON [Store] ([Lot]);
CREATE INDEX [IX_Store_LotID] ON [Store] ([LotID]);
CREATE INDEX [IX_Store_ObjectID] ON [Store] ([ObjectID]);

CREATE TABLE [Operations] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [OperType] int NULL DEFAULT 0,
  [Acct] int NULL DEFAULT 0,
  [GoodID] int NULL DEFAULT 0,
  [PartnerID] int NULL DEFAULT 0,
  [ObjectID] int NULL DEFAULT 0,
  [OperatorID] int NULL DEFAULT 0,
  [Qtty] float NULL DEFAULT 0,
  [Sign] int NULL DEFAULT 0,
  [PriceIn] float NULL DEFAULT 0,
  [PriceOut] float NULL DEFAULT 0,
  [VATIn] float NULL DEFAULT 0,
  [VATOut] float NULL DEFAULT 0,
  [Discount] float NULL DEFAULT 0,
  [CurrencyID] int NULL DEFAULT 0,
  [CurrencyRate] float NULL DEFAULT 0,
  [Date] smalldatetime NULL,
  [Lot] nvarchar(50) NULL,
  [LotID] int NULL DEFAULT 0,
  [Note] nvarchar(255) NULL,
  [SrcDocID] int NULL DEFAULT 0,
  [UserID] int NULL DEFAULT 0,
  [UserRealTime] datetime NULL,
  CONSTRAINT [PK_Operations] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Goods_Light_printing_oper] ON [Operations] ([Acct], [OperType], [ID], [GoodID], [PartnerID], [PriceOut], [Discount], [VATOut]);
CREATE INDEX [IX_Operations_Date] ON [Operations] ([Date]);
CREATE INDEX [IX_Operations_Get_Next_Acct] ON [Operations] ([ObjectID], [OperType]);
CREATE INDEX [IX_Operations_GoodID] ON [Operations] ([GoodID]);
CREATE INDEX [IX_Operations_LastSalePrice] ON [Operations] ([GoodID], [PartnerID], [OperType]);
CREATE INDEX [IX_Operations_Lot] ON [Operations] ([Lot]);
CREATE INDEX [IX_Operations_LotID] ON [Operations] ([LotID]);
CREATE INDEX [IX_Operations_ObjectID] ON [Operations] ([ObjectID]);
CREATE INDEX [IX_Operations_OperatorID_SrcDocID_UserID_CurrencyID] ON [Operations] ([OperatorID], [CurrencyID], [SrcDocID], [UserID]);
CREATE INDEX [IX_Operations_Opertype] ON [Operations] ([OperType]);
CREATE INDEX [IX_Operations_PartnerID] ON [Operations] ([PartnerID]);
CREATE INDEX [IX_Operations_Partner_Price_Get] ON [Operations] ([Date], [ID], [GoodID], [PartnerID], [OperType]);
CREATE INDEX [Light_Load_Operations_by_UserRealtime] ON [Operations] ([ObjectID], [OperatorID], [OperType], [UserRealTime]);

CREATE TABLE [Payments] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Acct] int NULL DEFAULT 0,
  [OperType] int NULL DEFAULT 0,
  [PartnerID] int NULL DEFAULT 0,
  [Qtty] float NULL DEFAULT 0,
  [Mode] int NULL DEFAULT 0,
  [Sign] int NULL DEFAULT 0,
  [Date] smalldatetime NULL,
  [UserID] int NULL DEFAULT 0,
  [ObjectID] int NULL DEFAULT 0,
  [UserRealTime] datetime NULL,
  [Type] int NULL DEFAULT 0,
  [TransactionNumber] nvarchar(255) NULL,
  [EndDate] smalldatetime NULL,
  CONSTRAINT [PK_Payments] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_LighttPriceRules] ON [Payments] ([PartnerID], [OperType], [EndDate]);
CREATE INDEX [IX_Payments_Combined] ON [Payments] ([OperType], [PartnerID], [ObjectID]);
CREATE INDEX [IX_Payments_Date] ON [Payments] ([Date]);
CREATE INDEX [IX_Payments_EndDate] ON [Payments] ([EndDate]);
CREATE INDEX [IX_Payments_LightLoad_Payments] ON [Payments] ([Acct], [OperType], [Mode]);
CREATE INDEX [IX_Payments_Objectid_UserID_Mode] ON [Payments] ([ObjectID], [UserID], [Mode]);
CREATE INDEX [IX_Payments_Opertype] ON [Payments] ([OperType]);
CREATE INDEX [IX_Payments_PartnerID] ON [Payments] ([PartnerID]);
CREATE INDEX [Light_Load_Payments_by_Partners_by_UserRealTime] ON [Payments] ([OperType], [Mode], [UserID], [ObjectID], [UserRealTime]);
CREATE INDEX [Light_Load_Payments_by_Users_UserRealTime] ON [Payments] ([OperType], [Mode], [ObjectID], [UserRealTime]);

CREATE TABLE [PaymentTypes] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Name] nvarchar(255) NULL,
  [PaymentMethod] int NULL DEFAULT 0,
  CONSTRAINT [PK_PaymentTypes] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_PaymentTypes] ON [PaymentTypes] ([PaymentMethod]);

CREATE TABLE [VATGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Name] nvarchar(255) NULL,
  [VATValue] float NULL DEFAULT 0,
  CONSTRAINT [PK_VATGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_VATGroups] ON [VATGroups] ([Code], [Name]);

CREATE TABLE [NextAcct] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [NextAcct] nvarchar(50) NOT NULL,
  CONSTRAINT [PK_NextAcct] PRIMARY KEY ([NextAcct])
);

CREATE TABLE [Lots] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [SerialNo] nvarchar(255) NULL,
  [EndDate] smalldatetime NULL,
  [ProductionDate] smalldatetime NULL,
  [Location] nvarchar(255) NULL,
  CONSTRAINT [PK_Lots] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Lots] ON [Lots] ([SerialNo], [EndDate]);

CREATE TABLE [OperationType] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [BG] nvarchar(255) NULL,
  [EN] nvarchar(255) NULL,
  [DE] nvarchar(255) NULL,
  [RU] nvarchar(255) NULL,
  [TR] nvarchar(255) NULL,
  [SQ] nvarchar(255) NULL,
  [SR] nvarchar(255) NULL,
  [RO] nvarchar(255) NULL,
  [GR] nvarchar(255) NULL,
  [EL] nvarchar(255) NULL,
  [ES] nvarchar(255) NULL,
  [HY] nvarchar(255) NULL,
  [KA] nvarchar(255) NULL,
  [PL] nvarchar(255) NULL,
  [UK] nvarchar(255) NULL,
  [ZU] nvarchar(255) NULL,
  [LV] nvarchar(255) NULL,
  [FI] nvarchar(255) NULL,
  [AR] nvarchar(255) NULL,
  [TK] nvarchar(255) NULL,
  CONSTRAINT [PK_OperationType] PRIMARY KEY ([ID])
);

CREATE TABLE [Documents] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Acct] int NULL DEFAULT 0,
  [InvoiceNumber] nvarchar(255) NULL,
  [OperType] smallint NULL DEFAULT 0,
  [InvoiceDate] smalldatetime NULL,
  [DocumentType] smallint NULL DEFAULT 0,
  [ExternalInvoiceDate] smalldatetime NULL,
  [ExternalInvoiceNumber] nvarchar(255) NULL,
  [PaymentType] smallint NULL DEFAULT 0,
  [Recipient] nvarchar(255) NULL,
  [EGN] nvarchar(50) NULL,
  [Provider] nvarchar(255) NULL,
  [TaxDate] smalldatetime NULL,
  [Reason] nvarchar(255) NULL,
  [Description] nvarchar(255) NULL,
  [Place] nvarchar(255) NULL,
  CONSTRAINT [PK_Documents] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Documents_Acct] ON [Documents] ([Acct]);
CREATE INDEX [IX_Documents_InvoiceDate] ON [Documents] ([InvoiceDate]);
CREATE INDEX [IX_Documents_InvoiceNumber] ON [Documents] ([InvoiceNumber]);
CREATE INDEX [IX_Documents_Opertype] ON [Documents] ([OperType]);
CREATE INDEX [IX_Documents_Recepient] ON [Documents] ([Recipient]);

CREATE TABLE [CashBook] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Date] smalldatetime NULL,
  [Desc] nvarchar(255) NULL,
  [OperType] int NULL DEFAULT 0,
  [Sign] int NULL DEFAULT 0,
  [Profit] float NULL DEFAULT 0,
  [UserID] int NULL DEFAULT 0,
  [UserRealtime] datetime NULL,
  [ObjectID] int NULL DEFAULT 0,
  CONSTRAINT [PK_CashBook] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_CashBook] ON [CashBook] ([UserID], [ObjectID]);
CREATE INDEX [IX_CashBook_Date] ON [CashBook] ([Date]);
CREATE INDEX [IX_CashBook_Opertype] ON [CashBook] ([OperType]);

CREATE TABLE [ApplicationLog] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Message] nvarchar(255) NULL,
  [UserID] int NULL DEFAULT 0,
  [UserRealtime] datetime NULL,
  [MessageSource] nvarchar(50) NULL,
  CONSTRAINT [PK_ApplicationLog] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_ApplicationLog] ON [ApplicationLog] ([UserID]);

CREATE TABLE [Transformations] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [RootOperType] int NOT NULL DEFAULT 0,
  [RootAcct] int NOT NULL DEFAULT 0,
  [FromOperType] int NOT NULL DEFAULT 0,
  [FromAcct] int NOT NULL DEFAULT 0,
  [ToOperType] int NOT NULL DEFAULT 0,
  [ToAcct] int NOT NULL DEFAULT 0,
  [UserID] int NOT NULL DEFAULT 0,
  [UserRealTime] datetime NULL,
  CONSTRAINT [PK_Transformations] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Transformations] ON [Transformations] ([RootOperType], [RootAcct], [FromOperType], [FromAcct], [ToOperType], [ToAcct], [UserID]);

CREATE TABLE [ECRReceipts] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [OperType] int NOT NULL DEFAULT 0,
  [Acct] int NOT NULL DEFAULT 0,
  [ReceiptID] int NOT NULL DEFAULT 0,
  [ReceiptDate] datetime NULL,
  [ReceiptType] int NOT NULL DEFAULT 0,
  [ECRID] nvarchar(255) NULL,
  [Description] nvarchar(255) NULL,
  [Total] float NULL DEFAULT 0,
  [UserID] int NOT NULL DEFAULT 0,
  [UserRealTime] datetime NULL,
  CONSTRAINT [PK_ECRReceipts] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_ECRReceipts_ECRID] ON [ECRReceipts] ([ECRID]);
CREATE INDEX [IX_ECRReceipts_Opertype] ON [ECRReceipts] ([OperType]);
CREATE INDEX [IX_ECRReceipts_ReceiptID] ON [ECRReceipts] ([ReceiptID]);
CREATE INDEX [IX_ECRReceipts_ReceiptType] ON [ECRReceipts] ([ReceiptType]);
CREATE INDEX [IX_ECRReceipts_UserID] ON [ECRReceipts] ([UserID]);
CREATE INDEX [IX_ECRReceipts_acct] ON [ECRReceipts] ([Acct]);

CREATE TABLE [Registration] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255) NULL,
  [Company] nvarchar(255) NULL,
  [MOL] nvarchar(255) NULL,
  [City] nvarchar(255) NULL,
  [Address] nvarchar(255) NULL,
  [Phone] nvarchar(255) NULL,
  [Fax] nvarchar(255) NULL,
  [eMail] nvarchar(255) NULL,
  [TaxNo] nvarchar(255) NULL,
  [Bulstat] nvarchar(255) NULL,
  [BankName] nvarchar(255) NULL,
  [BankCode] nvarchar(255) NULL,
  [BankAcct] nvarchar(255) NULL,
  [BankVATAcct] nvarchar(255) NULL,
  [UserID] int NULL DEFAULT 0,
  [UserRealTime] datetime NULL,
  [IsDefault] int NULL DEFAULT 0,
  [Note1] nvarchar(255) NULL,
  [Note2] nvarchar(255) NULL,
  [Deleted] int NULL DEFAULT 0,
  CONSTRAINT [PK_Registration] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_Registration] ON [Registration] ([Code], [Company], [MOL], [TaxNo], [Bulstat], [BankCode], [UserID]);

CREATE TABLE [CurrenciesHistory] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [CurrencyID] int NULL,
  [ExchangeRate] float NULL,
  [Date] smalldatetime NULL,
  [UserID] int NULL,
  CONSTRAINT [PK_CurrenciesHistory] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_CurrenciesHistory] ON [CurrenciesHistory] ([CurrencyID], [UserID]);

CREATE TABLE [InternalLog] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Message] nvarchar(3000) NULL,
  CONSTRAINT [PK_InternalLog] PRIMARY KEY ([ID])
);

CREATE TABLE [Network] (
  [Num] int NOT NULL,
  [Counter] int NOT NULL,
  CONSTRAINT [PK_Network] PRIMARY KEY ([Num])
);

CREATE TABLE [PriceRules] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Name] nvarchar(255) NULL,
  [Formula] nvarchar(1000) NULL,
  [Enabled] int NULL,
  [Priority] int NULL,
  CONSTRAINT [PK_PriceRules] PRIMARY KEY ([ID])
);

CREATE TABLE [UsersSecurity] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [UserID] int NULL,
  [ControlName] nvarchar(100) NULL,
  [State] int NULL,
  CONSTRAINT [PK_UsersSecurity] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_UsersSecurity] ON [UsersSecurity] ([UserID], [ControlName]);

-- seed.sql, run next on this connection, writes the program's fixed operation type IDs into an identity column.
SET IDENTITY_INSERT [OperationType] ON;
