-- Seed rows of a blank Warehouse Pro database, for every engine: {table} is replaced by the engine's quoted table name,
-- [Column] by its quoted column name. Identity columns are left out: into empty tables the rows get IDs 1, 2, ...
-- in the order written, which is what the program relies on (service rows have ID 1).
INSERT INTO {system} ([Version], [ProductID]) VALUES ('3.07', 1);

INSERT INTO {goodsgroups} ([Code], [Name]) VALUES ('-1', 'Служебна група');
INSERT INTO {partnersgroups} ([Code], [Name]) VALUES ('-1', 'Служебна група');
INSERT INTO {objectsgroups} ([Code], [Name]) VALUES ('-1', 'Служебна група');
INSERT INTO {usersgroups} ([Code], [Name]) VALUES ('-1', 'Служебна група');

INSERT INTO {goods} ([Code], [BarCode1], [BarCode2], [BarCode3], [Catalog1], [Catalog2], [Catalog3], [Name], [Name2], [Measure1], [Measure2], [Ratio], [PriceIn], [PriceOut1], [PriceOut2], [PriceOut3], [PriceOut4], [PriceOut5], [PriceOut6], [PriceOut7], [PriceOut8], [PriceOut9], [PriceOut10], [MinQtty], [NormalQtty], [Description], [Type], [IsRecipe], [TaxGroup], [IsVeryUsed], [GroupID], [Deleted])
VALUES (' ', ' ', ' ', ' ', ' ', ' ', ' ', 'Служебна стока', 'Служебна стока', 'бр.', 'бр.', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ' ', 0, 0, 1, 0, -1, 0);

INSERT INTO {partners} ([Code], [Company], [Company2], [MOL], [MOL2], [City], [City2], [Address], [Address2], [Phone], [Phone2], [Fax], [eMail], [TaxNo], [Bulstat], [BankName], [BankCode], [BankAcct], [BankVATName], [BankVATCode], [BankVATAcct], [PriceGroup], [Discount], [Type], [IsVeryUsed], [UserID], [GroupID], [Deleted], [CardNumber], [Note1], [Note2], [PaymentDays])
VALUES (' ', 'Служебен партньор', 'Служебен партньор', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', 1, 0, 0, 0, 1, -1, 0, ' ', ' ', ' ', 0);

INSERT INTO {objects} ([Code], [Name], [Name2], [PriceGroup], [IsVeryUsed], [GroupID], [Deleted]) VALUES (' ', 'Служебен обект', 'Служебен обект', 1, 0, -1, 0);
INSERT INTO {objects} ([Code], [Name], [Name2], [PriceGroup], [IsVeryUsed], [GroupID], [Deleted]) VALUES ('1', @ObjectName, @ObjectName2, 1, -1, 1, 0);

INSERT INTO {users} ([Code], [Name], [Name2], [IsVeryUsed], [GroupID], [Password], [UserLevel], [Deleted], [CardNumber]) VALUES (' ', 'Служебен потребител', 'Служебен потребител', 0, -1, ' ', 3, 0, ' ');

INSERT INTO {store} ([ObjectID], [GoodID], [Qtty], [Price], [Lot], [LotID], [LotOrder]) VALUES (1, 1, 0, 0, ' ', 1, 1);
INSERT INTO {store} ([ObjectID], [GoodID], [Qtty], [Price], [Lot], [LotID], [LotOrder]) VALUES (2, 1, 0, 0, ' ', 1, 1);
INSERT INTO {lots} ([SerialNo], [Location]) VALUES (' ', ' ');

INSERT INTO {vatgroups} ([Code], [Name], [VATValue]) VALUES ('1', 'ДДС група А (20 %)', 20);
INSERT INTO {currencies} ([Currency], [Description], [ExchangeRate], [Deleted]) VALUES (@BaseCurrency, @BaseCurrencyName, 1, 0);

INSERT INTO {paymenttypes} ([Name], [PaymentMethod]) VALUES ('Плащане в брой', 1);
INSERT INTO {paymenttypes} ([Name], [PaymentMethod]) VALUES ('Превод по сметка', 2);
INSERT INTO {paymenttypes} ([Name], [PaymentMethod]) VALUES ('Дебитна/Кредитна карта', 3);
INSERT INTO {paymenttypes} ([Name], [PaymentMethod]) VALUES ('Плащане чрез ваучер', 4);

-- Global settings (UserID -1): negative stock allowed, prices with or without VAT, costing method, one numbering.
INSERT INTO {configuration} ([Key], [Value], [UserID]) VALUES ('configkey12', '-1', -1);
INSERT INTO {configuration} ([Key], [Value], [UserID]) VALUES ('configkey20', @PricesIncludeVat, -1);
INSERT INTO {configuration} ([Key], [Value], [UserID]) VALUES ('configkey23', @Costing, -1);
INSERT INTO {configuration} ([Key], [Value], [UserID]) VALUES ('configkey48', '0', -1);

INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (1, 'Доставка', 'Purchase');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (2, 'Продажба', 'Sale');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (3, 'Брак', 'Waste');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (4, 'Ревизия', 'Stock-taking');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (5, 'Производство', 'Production');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (6, 'Производство', 'Production');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (7, 'Трансфер', 'Transfer');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (8, 'Трансфер', 'Transfer');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (9, 'Търговски обект', 'Point of sale');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (11, 'Изписване', 'Write-off');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (12, 'Заявка', 'Purchase order');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (13, 'Оферта', 'Offer');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (14, 'Проформа', 'Proforma');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (15, 'Даване на консигнация', 'Consign');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (16, 'Отчитане на консигнация', 'Sale on consignment');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (17, 'Връщане на консигнация', 'Consignment return');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (18, 'Доставка на консигнация', 'Purchase on consignment');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (19, 'Поръчка', 'Sales order');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (26, 'Дебитно известие', 'Debit note');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (27, 'Кредитно известие', 'Credit note');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (34, 'Рекламация', 'Customer return');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (35, 'Резервация', 'Reservation');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (36, 'Авансово плащане', 'Advance payment');
INSERT INTO {operationtype} ([ID], [BG], [EN]) VALUES (39, 'Рекламация към доставчик', 'Return to supplier');
