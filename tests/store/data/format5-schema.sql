-- The tables of a format-5 draft file as written through SQLAlchemy (commit 01d2233),
-- sqlite_master in order: the plain-sqlite3 schema must write the very same statements.
CREATE TABLE draft_info (
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE blocks (
	id VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	level INTEGER NOT NULL, 
	content TEXT NOT NULL, 
	origin TEXT, 
	number VARCHAR, 
	status TEXT, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_blocks_position ON blocks (position);
CREATE TABLE footnotes (
	id VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE versions (
	id VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	author VARCHAR NOT NULL, 
	created VARCHAR NOT NULL, 
	format INTEGER NOT NULL, 
	manifest BLOB NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
CREATE TABLE pieces (
	id INTEGER NOT NULL, 
	hash BLOB NOT NULL, 
	body BLOB NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (hash)
);
CREATE TABLE comments (
	id VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	block_id VARCHAR, 
	anchor_start INTEGER, 
	anchor_end INTEGER, 
	orphaned INTEGER NOT NULL, 
	party VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	suggestion TEXT NOT NULL, 
	status VARCHAR NOT NULL, 
	visibility VARCHAR NOT NULL, 
	date VARCHAR NOT NULL, 
	replies TEXT NOT NULL, 
	quote TEXT, 
	change TEXT, 
	source TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE reservations (
	id VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	block_id VARCHAR, 
	anchor_start INTEGER, 
	anchor_end INTEGER, 
	orphaned INTEGER NOT NULL, 
	parties TEXT NOT NULL, 
	kind VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	text_en TEXT NOT NULL, 
	text_es TEXT NOT NULL, 
	date VARCHAR NOT NULL, 
	quote TEXT, 
	PRIMARY KEY (id)
);
CREATE TABLE parties (
	code VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	territory VARCHAR, 
	name_en TEXT NOT NULL, 
	name_es TEXT NOT NULL, 
	PRIMARY KEY (code)
);
CREATE TABLE brackets (
	id VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	block_id VARCHAR NOT NULL, 
	anchor_start INTEGER NOT NULL, 
	anchor_end INTEGER NOT NULL, 
	orphaned INTEGER NOT NULL, 
	alternatives TEXT NOT NULL, 
	quote TEXT NOT NULL, 
	PRIMARY KEY (id)
);
