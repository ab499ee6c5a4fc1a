-- Blank Warehouse Pro database, MS SQL Server: PascalCase tables in the default schema, nvarchar.
-- Written by Shopiko.Sync from the documented facts (docs/warehouse-pro-schema.md); seeded by seed.sql.

CREATE TABLE [System] (
  [Version] nvarchar(20) NOT NULL,
  [ProductID] int DEFAULT 0,
  [LastBackup] datetime,
  CONSTRAINT [PK_System] PRIMARY KEY ([Version])
);

CREATE TABLE [Configuration] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Key] nvarchar(50),
  [Value] nvarchar(50),
  [UserID] int DEFAULT 0,
  CONSTRAINT [PK_Configuration] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_configuration_Key] ON [Configuration] ([Key]);

CREATE TABLE [Currencies] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Currency] nvarchar(3),
  [Description] nvarchar(255),
  [ExchangeRate] float DEFAULT 0,
  [Deleted] int DEFAULT 0,
  CONSTRAINT [PK_Currencies] PRIMARY KEY ([ID])
);

CREATE TABLE [Goods] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [BarCode1] nvarchar(255),
  [BarCode2] nvarchar(255),
  [BarCode3] nvarchar(255),
  [Catalog1] nvarchar(255),
  [Catalog2] nvarchar(255),
  [Catalog3] nvarchar(255),
  [Name] nvarchar(255),
  [Name2] nvarchar(255),
  [Measure1] nvarchar(255),
  [Measure2] nvarchar(255),
  [Ratio] float DEFAULT 0,
  [PriceIn] float DEFAULT 0,
  [PriceOut1] float DEFAULT 0,
  [PriceOut2] float DEFAULT 0,
  [PriceOut3] float DEFAULT 0,
  [PriceOut4] float DEFAULT 0,
  [PriceOut5] float DEFAULT 0,
  [PriceOut6] float DEFAULT 0,
  [PriceOut7] float DEFAULT 0,
  [PriceOut8] float DEFAULT 0,
  [PriceOut9] float DEFAULT 0,
  [PriceOut10] float DEFAULT 0,
  [MinQtty] float DEFAULT 0,
  [NormalQtty] float DEFAULT 0,
  [Description] nvarchar(255),
  [Type] int DEFAULT 0,
  [IsRecipe] int DEFAULT 0,
  [TaxGroup] int DEFAULT 0,
  [IsVeryUsed] int DEFAULT 0,
  [GroupID] int DEFAULT 0,
  [Deleted] int DEFAULT 0,
  CONSTRAINT [PK_Goods] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_goods_Code] ON [Goods] ([Code]);
CREATE INDEX [IX_goods_BarCode1] ON [Goods] ([BarCode1]);
CREATE INDEX [IX_goods_Name] ON [Goods] ([Name]);
CREATE INDEX [IX_goods_GroupID] ON [Goods] ([GroupID]);

CREATE TABLE [GoodsGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Name] nvarchar(255),
  CONSTRAINT [PK_GoodsGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_goodsgroups_Code] ON [GoodsGroups] ([Code]);

CREATE TABLE [PartnersGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Name] nvarchar(255),
  CONSTRAINT [PK_PartnersGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_partnersgroups_Code] ON [PartnersGroups] ([Code]);

CREATE TABLE [ObjectsGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Name] nvarchar(255),
  CONSTRAINT [PK_ObjectsGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_objectsgroups_Code] ON [ObjectsGroups] ([Code]);

CREATE TABLE [UsersGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Name] nvarchar(255),
  CONSTRAINT [PK_UsersGroups] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_usersgroups_Code] ON [UsersGroups] ([Code]);

CREATE TABLE [Partners] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Company] nvarchar(255),
  [Company2] nvarchar(255),
  [MOL] nvarchar(255),
  [MOL2] nvarchar(255),
  [City] nvarchar(255),
  [City2] nvarchar(255),
  [Address] nvarchar(255),
  [Address2] nvarchar(255),
  [Phone] nvarchar(255),
  [Phone2] nvarchar(255),
  [Fax] nvarchar(255),
  [eMail] nvarchar(255),
  [TaxNo] nvarchar(255),
  [Bulstat] nvarchar(255),
  [BankName] nvarchar(255),
  [BankCode] nvarchar(255),
  [BankAcct] nvarchar(255),
  [BankVATName] nvarchar(255),
  [BankVATCode] nvarchar(255),
  [BankVATAcct] nvarchar(255),
  [PriceGroup] int DEFAULT 1,
  [Discount] float DEFAULT 0,
  [Type] int DEFAULT 0,
  [IsVeryUsed] int DEFAULT 0,
  [UserID] int DEFAULT 0,
  [GroupID] int DEFAULT 0,
  [UserRealTime] datetime,
  [Deleted] int DEFAULT 0,
  [CardNumber] nvarchar(255),
  [Note1] nvarchar(255),
  [Note2] nvarchar(255),
  [PaymentDays] int DEFAULT 0,
  CONSTRAINT [PK_Partners] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_partners_Code] ON [Partners] ([Code]);
CREATE INDEX [IX_partners_TaxNo] ON [Partners] ([TaxNo]);
CREATE INDEX [IX_partners_Bulstat] ON [Partners] ([Bulstat]);
CREATE INDEX [IX_partners_GroupID] ON [Partners] ([GroupID]);

CREATE TABLE [Objects] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Name] nvarchar(255),
  [Name2] nvarchar(255),
  [PriceGroup] int DEFAULT 0,
  [IsVeryUsed] int DEFAULT 0,
  [GroupID] int DEFAULT 0,
  [Deleted] int DEFAULT 0,
  CONSTRAINT [PK_Objects] PRIMARY KEY ([ID])
);

CREATE TABLE [Users] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Name] nvarchar(255),
  [Name2] nvarchar(255),
  [IsVeryUsed] int DEFAULT 0,
  [GroupID] int DEFAULT 0,
  [Password] nvarchar(50),
  [UserLevel] int DEFAULT 0,
  [Deleted] int DEFAULT 0,
  [CardNumber] nvarchar(255),
  CONSTRAINT [PK_Users] PRIMARY KEY ([ID])
);

CREATE TABLE [Store] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [ObjectID] int DEFAULT 0,
  [GoodID] int DEFAULT 0,
  [Qtty] float DEFAULT 0,
  [Price] float DEFAULT 0,
  [Lot] nvarchar(250),
  [LotID] int DEFAULT 0,
  [LotOrder] int DEFAULT 0,
  CONSTRAINT [PK_Store] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_store_ObjectID_GoodID] ON [Store] ([ObjectID], [GoodID]);
CREATE INDEX [IX_store_GoodID] ON [Store] ([GoodID]);

CREATE TABLE [Operations] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [OperType] int DEFAULT 0,
  [Acct] int DEFAULT 0,
  [GoodID] int DEFAULT 0,
  [PartnerID] int DEFAULT 0,
  [ObjectID] int DEFAULT 0,
  [OperatorID] int DEFAULT 0,
  [Qtty] float DEFAULT 0,
  [Sign] int DEFAULT 0,
  [PriceIn] float DEFAULT 0,
  [PriceOut] float DEFAULT 0,
  [VATIn] float DEFAULT 0,
  [VATOut] float DEFAULT 0,
  [Discount] float DEFAULT 0,
  [CurrencyID] int DEFAULT 0,
  [CurrencyRate] float DEFAULT 0,
  [Date] smalldatetime,
  [Lot] nvarchar(50),
  [LotID] int DEFAULT 0,
  [Note] nvarchar(255),
  [SrcDocID] int DEFAULT 0,
  [UserID] int DEFAULT 0,
  [UserRealTime] datetime,
  CONSTRAINT [PK_Operations] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_operations_OperType_Acct] ON [Operations] ([OperType], [Acct]);
CREATE INDEX [IX_operations_GoodID] ON [Operations] ([GoodID]);
CREATE INDEX [IX_operations_PartnerID] ON [Operations] ([PartnerID]);
CREATE INDEX [IX_operations_ObjectID] ON [Operations] ([ObjectID]);
CREATE INDEX [IX_operations_Date] ON [Operations] ([Date]);

CREATE TABLE [Payments] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Acct] float DEFAULT 0,
  [OperType] int DEFAULT 0,
  [PartnerID] int DEFAULT 0,
  [ObjectID] int DEFAULT 0,
  [Qtty] float DEFAULT 0,
  [Mode] int DEFAULT 0,
  [Sign] int DEFAULT 0,
  [Date] datetime,
  [UserID] int DEFAULT 0,
  [UserRealTime] datetime,
  [Type] int DEFAULT 0,
  [TransactionNumber] nvarchar(255),
  [EndDate] datetime,
  CONSTRAINT [PK_Payments] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_payments_OperType_Acct] ON [Payments] ([OperType], [Acct]);
CREATE INDEX [IX_payments_PartnerID] ON [Payments] ([PartnerID]);

CREATE TABLE [PaymentTypes] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Name] nvarchar(255),
  [PaymentMethod] int DEFAULT 0,
  CONSTRAINT [PK_PaymentTypes] PRIMARY KEY ([ID])
);

CREATE TABLE [VATGroups] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Name] nvarchar(255),
  [VATValue] float DEFAULT 0,
  CONSTRAINT [PK_VATGroups] PRIMARY KEY ([ID])
);

CREATE TABLE [NextAcct] (
  [NextAcct] nvarchar(50) NOT NULL,
  CONSTRAINT [PK_NextAcct] PRIMARY KEY ([NextAcct])
);

CREATE TABLE [Lots] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [SerialNo] nvarchar(255),
  [EndDate] datetime,
  [ProductionDate] datetime,
  [Location] nvarchar(255),
  CONSTRAINT [PK_Lots] PRIMARY KEY ([ID])
);

CREATE TABLE [OperationType] (
  [ID] int NOT NULL,
  [BG] nvarchar(255),
  [EN] nvarchar(255),
  CONSTRAINT [PK_OperationType] PRIMARY KEY ([ID])
);

CREATE TABLE [Documents] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Acct] int DEFAULT 0,
  [InvoiceNumber] nvarchar(255),
  [OperType] int DEFAULT 0,
  [InvoiceDate] datetime,
  [DocumentType] int DEFAULT 0,
  [ExternalInvoiceDate] datetime,
  [ExternalInvoiceNumber] nvarchar(255),
  [PaymentType] int DEFAULT 0,
  [Recipient] nvarchar(255),
  [EGN] nvarchar(255),
  [Provider] nvarchar(255),
  [TaxDate] datetime,
  [Reason] nvarchar(255),
  [Description] nvarchar(255),
  [Place] nvarchar(255),
  CONSTRAINT [PK_Documents] PRIMARY KEY ([ID])
);
CREATE INDEX [IX_documents_Acct] ON [Documents] ([Acct]);

CREATE TABLE [CashBook] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Date] datetime,
  [Desc] nvarchar(255),
  [OperType] int DEFAULT 0,
  [Sign] int DEFAULT 0,
  [Profit] float DEFAULT 0,
  [UserID] int DEFAULT 0,
  [UserRealTime] datetime,
  [ObjectID] int DEFAULT 0,
  CONSTRAINT [PK_CashBook] PRIMARY KEY ([ID])
);

CREATE TABLE [ApplicationLog] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Message] nvarchar(255),
  [UserID] int DEFAULT 0,
  [UserRealTime] datetime,
  [MessageSource] nvarchar(50),
  CONSTRAINT [PK_ApplicationLog] PRIMARY KEY ([ID])
);

CREATE TABLE [Transformations] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [RootOperType] int DEFAULT 0,
  [RootAcct] int DEFAULT 0,
  [FromOperType] int DEFAULT 0,
  [FromAcct] int DEFAULT 0,
  [ToOperType] int DEFAULT 0,
  [ToAcct] int DEFAULT 0,
  [UserID] int DEFAULT 0,
  [UserRealTime] datetime,
  CONSTRAINT [PK_Transformations] PRIMARY KEY ([ID])
);

CREATE TABLE [ECRReceipts] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [OperType] int DEFAULT 0,
  [Acct] int DEFAULT 0,
  [ReceiptID] int DEFAULT 0,
  [ReceiptDate] datetime,
  [ReceiptType] int DEFAULT 0,
  [ECRID] nvarchar(255),
  [Description] nvarchar(255),
  [Total] float DEFAULT 0,
  [UserID] int DEFAULT 0,
  [UserRealTime] datetime,
  CONSTRAINT [PK_ECRReceipts] PRIMARY KEY ([ID])
);

CREATE TABLE [Registration] (
  [ID] int IDENTITY(1,1) NOT NULL,
  [Code] nvarchar(255),
  [Company] nvarchar(255),
  [MOL] nvarchar(255),
  [City] nvarchar(255),
  [Address] nvarchar(255),
  [Phone] nvarchar(255),
  [Fax] nvarchar(255),
  [eMail] nvarchar(255),
  [TaxNo] nvarchar(255),
  [Bulstat] nvarchar(255),
  [BankName] nvarchar(255),
  [BankCode] nvarchar(255),
  [BankAcct] nvarchar(255),
  [BankVATAcct] nvarchar(255),
  [UserID] int DEFAULT 0,
  [UserRealTime] datetime,
  [IsDefault] int DEFAULT 0,
  [Note1] nvarchar(255),
  [Note2] nvarchar(255),
  [Deleted] int DEFAULT 0,
  CONSTRAINT [PK_Registration] PRIMARY KEY ([ID])
);
